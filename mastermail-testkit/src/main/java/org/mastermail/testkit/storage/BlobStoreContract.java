package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.storage.Storage;

/**
 * What the {@link BlobStore} of a storage that has one ({@link Storage#blobStore}) promises of
 * {@link BlobStore#readSmall}: the exact bytes of each small stored blob asked for, nothing else.
 */
public interface BlobStoreContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  private BlobStore blobs() {
    assumeTrue(storage().blobStore().isPresent(), "this storage keeps no blobs");
    return storage().blobStore().orElseThrow();
  }

  private static byte[] unique(String text) {
    return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  default void readSmallShouldReturnTheBytesOfEveryBlobAskedFor() {
    BlobStore blobs = blobs();
    List<BlobId> ids = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      byte[] content = unique("skeleton " + i);
      contents.add(content);
      ids.add(blobs.put(content).id());
    }
    Map<BlobId, byte[]> read = blobs.readSmall(ids, 1024);
    assertThat(read).hasSize(30);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(read.get(ids.get(i))).isEqualTo(contents.get(i));
    }
  }

  @Test
  default void readSmallShouldLeaveOutLargerAndMissingBlobs() {
    BlobStore blobs = blobs();
    byte[] small = unique("small");
    byte[] large = unique("large".repeat(100));
    BlobId smallId = blobs.put(small).id();
    BlobId largeId = blobs.put(large).id();
    BlobId missing = BlobId.ofDigest(new byte[32]);
    Map<BlobId, byte[]> read = blobs.readSmall(List.of(smallId, largeId, missing), large.length - 1);
    assertThat(read).containsOnlyKeys(smallId);
    assertThat(read.get(smallId)).isEqualTo(small);
  }

  @Test
  default void readSmallShouldIncludeABlobOfExactlyTheLimit() {
    BlobStore blobs = blobs();
    byte[] content = unique("at the limit");
    BlobId id = blobs.put(content).id();
    assertThat(blobs.readSmall(List.of(id, id), content.length)).containsOnlyKeys(id);
  }

  @Test
  default void readSmallShouldReadAnEmptyBlobAndAnEmptyList() {
    BlobStore blobs = blobs();
    BlobId empty = blobs.put(new byte[0]).id();
    assertThat(blobs.readSmall(List.of(empty), 0).get(empty)).isEmpty();
    assertThat(blobs.readSmall(List.of(), 100)).isEmpty();
  }

  @Test
  default void readSmallShouldReadABlobOfSeveralChunksWhole() {
    BlobStore blobs = blobs();
    byte[] content = new byte[600 * 1024 + 7]; // more than one chunk of the JDBC store
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31 + i / 1000);
    }
    byte[] marker = unique("several chunks");
    System.arraycopy(marker, 0, content, 0, marker.length);
    BlobId id = blobs.put(content).id();
    assertThat(blobs.readSmall(List.of(id), content.length).get(id)).isEqualTo(content);
  }

  @Test
  default void readSmallShouldRefuseANegativeLimit() {
    BlobStore blobs = blobs();
    assertThatThrownBy(() -> blobs.readSmall(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
