package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.internal.mime.Mails.CRLF;
import static org.mastermail.internal.mime.Mails.base64;
import static org.mastermail.internal.mime.Mails.bytes;
import static org.mastermail.internal.mime.Mails.mixed;
import static org.mastermail.internal.mime.Mails.randomBytes;
import static org.mastermail.internal.mime.Mails.sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;

class SkeletonTest {
  private final MemoryBlobStore blobs = new MemoryBlobStore();
  private final SingleInstanceStore store = new SingleInstanceStore(blobs, 1024);
  private final byte[] attachment = randomBytes(8, 100_000);
  private final byte[] mail = bytes(mixed(CRLF, "skeleton", "text", base64(attachment, 76, CRLF, true)));

  @TempDir
  Path spool;

  private byte[] storedSkeleton() {
    return blobs.bytes(store.store(new ByteArrayInputStream(mail)).skeleton());
  }

  private BlobId put(byte[] skeleton) {
    return blobs.put(skeleton).id();
  }

  @Test
  void skeletonShouldStartWithMagicAndVersionAndBeSmall() {
    byte[] skeleton = storedSkeleton();

    assertThat(Arrays.copyOf(skeleton, 5)).isEqualTo(new byte[] {'M', 'M', 'S', 'K', 1});
    assertThat(skeleton.length).isLessThan(1024);
  }

  @Test
  void openShouldFailOnASkeletonWithoutTheMagic() {
    BlobId id = put(bytes("From: a@example.com\r\n\r\nnot a skeleton\r\n"));

    assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class)
        .isNotInstanceOf(NotFoundException.class).hasMessageContaining("skeleton " + id + " is corrupt");
  }

  @Test
  void openShouldFailOnAnUnknownVersion() {
    byte[] skeleton = storedSkeleton();
    skeleton[4] = 2;
    BlobId id = put(skeleton);

    assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class).hasMessageContaining("version 2");
  }

  @Test
  void openShouldFailOnEveryTruncationOfASkeleton() {
    byte[] skeleton = storedSkeleton();
    for (int length = 0; length < skeleton.length; length++) {
      BlobId id = put(Arrays.copyOf(skeleton, length));

      assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class)
          .isNotInstanceOf(NotFoundException.class).hasMessageContaining("is corrupt");
    }
  }

  @Test
  void openShouldFailOnBytesAfterTheEndRecord() {
    byte[] skeleton = storedSkeleton();
    BlobId id = put(SingleInstanceStoreTest.concat(skeleton, new byte[] {0}));

    assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class)
        .hasMessageContaining("follow its end record");
  }

  @Test
  void openShouldFailOnAnUnknownSegment() {
    byte[] skeleton = storedSkeleton();
    skeleton[5] = 'X';
    BlobId id = put(skeleton);

    assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class)
        .hasMessageContaining("unknown segment tag 0x58");
  }

  @Test
  void openShouldFailWhenASegmentLengthDisagreesWithTheEndRecord() {
    byte[] skeleton = storedSkeleton();
    // the low byte of the message size in the end record ('E', 8 bytes of size, 32 of SHA-256)
    skeleton[skeleton.length - 33]++;
    BlobId id = put(skeleton);

    assertThatThrownBy(() -> store.open(id)).isInstanceOf(MasterMailException.class).hasMessageContaining("add up to");
  }

  @Test
  void openShouldFailWithNotFoundWhenAnAttachmentBlobIsMissing() {
    Archived archived = store.store(new ByteArrayInputStream(mail));
    blobs.remove(sha256(attachment));

    assertThatThrownBy(() -> store.open(archived.skeleton())).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(sha256(attachment).toString());
  }

  @Test
  void openShouldFailWithNotFoundWhenTheSkeletonIsMissing() {
    BlobId unknown = sha256(bytes("nothing"));

    assertThatThrownBy(() -> store.open(unknown)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void readingShouldFailWhenAnAttachmentBlobWasDamaged() {
    Archived archived = store.store(new ByteArrayInputStream(mail));
    byte[] damaged = attachment.clone();
    damaged[500] ^= 1;
    blobs.overwrite(sha256(attachment), damaged);

    assertThatThrownBy(() -> {
      try (InputStream in = store.open(archived.skeleton())) {
        in.readAllBytes();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("differs from the original");
  }

  @Test
  void storeShouldLeaveNoTemporaryFilesBehind() throws IOException {
    SingleInstanceStore spooling = new SingleInstanceStore(blobs, 1024, spool);
    byte[] huge = bytes(mixed(CRLF, "huge", "x".repeat(500_000), base64(randomBytes(9, 500_000), 76, CRLF, true)));

    Mails.assertRoundTrip(spooling, huge);

    try (Stream<Path> files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void storeShouldFailAndLeaveNoTemporaryFilesWhenTheInputFails() throws IOException {
    SingleInstanceStore spooling = new SingleInstanceStore(blobs, 1024, spool);
    InputStream failing = new InputStream() {
      private long served;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        // Fails for good, unlike InputStream's default read(byte[], int, int), which would swallow one failure.
        if (served >= 300_000) {
          throw new IOException("connection reset");
        }
        int n = (int) Math.min(len, 300_000 - served);
        Arrays.fill(b, off, off + n, (byte) 'A');
        served += n;
        return n;
      }
    };
    InputStream raw = new SequenceInputStream(
        new ByteArrayInputStream(bytes("Content-Transfer-Encoding: base64\r\n\r\n")), failing);

    assertThatThrownBy(() -> spooling.store(raw)).isInstanceOf(MasterMailException.class)
        .hasMessageContaining("connection reset");
    try (Stream<Path> files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void storeShouldFailAndLeaveNoTemporaryFilesWhenTheBlobStoreFails() throws IOException {
    BlobStore failing = new BlobStore() {
      @Override
      public StoredBlob put(InputStream content) {
        throw new MasterMailException("disk full");
      }

      @Override
      public InputStream open(BlobId id) {
        throw new NotFoundException("no blob " + id);
      }

      @Override
      public boolean contains(BlobId id) {
        return false;
      }

      @Override
      public long size(BlobId id) {
        return -1;
      }
    };
    SingleInstanceStore spooling = new SingleInstanceStore(failing, 1024, spool);

    assertThatThrownBy(() -> spooling.store(new ByteArrayInputStream(mail))).hasMessage("disk full");
    try (Stream<Path> files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void minExtractBytesBelowOneShouldBeRejected() {
    assertThatThrownBy(() -> new SingleInstanceStore(blobs, 0)).isInstanceOf(MasterMailException.class);
  }
}
