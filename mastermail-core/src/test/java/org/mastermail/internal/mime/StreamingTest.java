package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.FileBlobStore;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;

/** A message far larger than anything the store may buffer goes through without an array of its size. */
class StreamingTest {
  private static final long ATTACHMENT_LINES = 500_000;
  private static final long TEXT_LINES = 150_000;

  @TempDir
  Path root;

  @Test
  void fiftyMegabyteMessageShouldBeStoredAndReadBackStreaming() throws Exception {
    FileBlobStore blobs = new FileBlobStore(root.resolve("blobs"));
    SingleInstanceStore store = new SingleInstanceStore(blobs, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
    MessageDigest written = MessageDigest.getInstance("SHA-256");

    Archived archived;
    try (InputStream raw = new DigestInputStream(new GeneratedMessage(), written)) {
      archived = store.store(raw);
    }
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long readBytes = 0;
    try (InputStream in = store.open(archived.skeleton())) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read.update(buffer, 0, n);
        readBytes += n;
      }
    }

    assertThat(archived.rawSize()).isGreaterThan(50_000_000L);
    assertThat(readBytes).isEqualTo(archived.rawSize());
    BlobId original = BlobId.ofDigest(written.digest());
    assertThat(archived.rawSha256()).isEqualTo(original);
    assertThat(BlobId.ofDigest(read.digest())).isEqualTo(original);
    assertThat(archived.parts()).hasSize(1);
    assertThat(archived.parts().get(0).decodedSize()).isEqualTo(ATTACHMENT_LINES * 57);
    // The text part stays inline, so the skeleton holds it, but not the attachment.
    assertThat(blobs.size(archived.skeleton())).isBetween(TEXT_LINES * 79, TEXT_LINES * 79 + 100_000);
  }

  /** Headers, a ~12 MB text part and a ~38 MB base64 attachment, made up line by line as they are read. */
  private static final class GeneratedMessage extends InputStream {
    private final SplittableRandom random = new SplittableRandom(50);
    private final byte[] data = new byte[57];
    private int phase;
    private long line;
    private byte[] current = ascii("From: big@example.com\r\nSubject: big\r\n"
        + "Content-Type: multipart/mixed; boundary=big\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\n");
    private int pos;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (pos == current.length) {
        if (!nextLine()) {
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    private boolean nextLine() {
      pos = 0;
      if (phase == 0) {
        current = ascii(String.format("%077d\r\n", line));
        if (++line == TEXT_LINES) {
          phase = 1;
          line = 0;
        }
      } else if (phase == 1) {
        current = ascii("--big\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        phase = 2;
      } else if (phase == 2) {
        random.nextBytes(data);
        current = ascii(Base64.getEncoder().encodeToString(data) + "\r\n");
        if (++line == ATTACHMENT_LINES) {
          phase = 3;
        }
      } else if (phase == 3) {
        current = ascii("--big--\r\n");
        phase = 4;
      } else {
        return false;
      }
      return true;
    }

    private static byte[] ascii(String text) {
      return text.getBytes(StandardCharsets.US_ASCII);
    }
  }
}
