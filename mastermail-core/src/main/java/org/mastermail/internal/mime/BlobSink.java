package org.mastermail.internal.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;

/**
 * Where the blobs of one message go while its skeleton is written: straight to the blob store, or, for small ones,
 * into a list held in memory that the caller stores later in the transaction that refers to them (see
 * {@link BlobStore#putAll}). The pending list is bounded, so a message of any size holds little memory.
 */
final class BlobSink {
  /** Blobs below 1 MiB are held (the JDBC store writes those in one transaction anyway). */
  static final int MAX_HELD_BLOB = 1024 * 1024 - 1;
  /** At most this much is held per message; further blobs go to the store at once. */
  static final long MAX_HELD_TOTAL = 4L * 1024 * 1024;

  private final BlobStore blobs;
  private final @Nullable List<BlobStore.Known> held;
  private long heldBytes;

  /** @param hold whether small blobs are held for the caller instead of stored */
  BlobSink(BlobStore blobs, boolean hold) {
    this.blobs = blobs;
    this.held = hold ? new ArrayList<>() : null;
  }

  /** Stores {@code content} (read to its end) or holds it, and returns its address and size. */
  StoredBlob put(InputStream content) throws IOException {
    int room = (int) Math.min(MAX_HELD_BLOB, MAX_HELD_TOTAL - heldBytes);
    List<BlobStore.Known> list = held;
    if (list == null || room <= 0) {
      return blobs.put(content);
    }
    byte[] head = content.readNBytes(room + 1);
    if (head.length > room) {
      return blobs.put(new SequenceInputStream(new ByteArrayInputStream(head), content));
    }
    return hold(list, head);
  }

  /** Holds {@code content} when holding and there is room, else stores it. */
  StoredBlob put(byte[] content) {
    List<BlobStore.Known> list = held;
    if (list == null || content.length > Math.min(MAX_HELD_BLOB, MAX_HELD_TOTAL - heldBytes)) {
      return blobs.put(content);
    }
    return hold(list, content);
  }

  private StoredBlob hold(List<BlobStore.Known> list, byte[] content) {
    MessageDigest sha = Sha256.newDigest();
    BlobId id = BlobId.ofDigest(sha.digest(content));
    list.add(new BlobStore.Known(id, content));
    heldBytes += content.length;
    return new StoredBlob(id, content.length);
  }

  /** The blobs held so far, in order; empty when not holding. */
  List<BlobStore.Known> held() {
    List<BlobStore.Known> list = held;
    return list == null ? List.of() : List.copyOf(list);
  }
}
