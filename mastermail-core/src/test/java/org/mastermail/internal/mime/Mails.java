package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.mastermail.blob.BlobId;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;

/** Builds test messages and checks that they come back byte for byte. */
final class Mails {
  static final String CRLF = "\r\n";
  static final String LF = "\n";

  private Mails() {}

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] randomBytes(long seed, int length) {
    byte[] bytes = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** The canonical base64 form of {@code data}: lines of {@code lineLength}, a line ending after the last if asked. */
  static String base64(byte[] data, int lineLength, String eol, boolean finalEol) {
    String encoded = Base64.getMimeEncoder(lineLength, bytes(eol)).encodeToString(data);
    return finalEol ? encoded + eol : encoded;
  }

  static BlobId sha256(byte[] bytes) {
    return BlobId.ofDigest(MemoryBlobStore.sha256(bytes));
  }

  /** A multipart/mixed message with a text part and one base64 attachment; each line ends in {@code eol}. */
  static String mixed(String eol, String subject, String text, String base64Body) {
    return String.join(eol,
        "From: Alice <alice@example.com>",
        "To: info@example.com",
        "Subject: " + subject,
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"=_outer\"",
        "",
        "This is a multi-part message in MIME format.",
        "--=_outer",
        "Content-Type: text/plain; charset=utf-8",
        "",
        text,
        "--=_outer",
        "Content-Type: application/pdf; name=\"offer.pdf\"",
        "Content-Disposition: attachment; filename=\"offer.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        base64Body + "--=_outer--",
        "");
  }

  /** Stores {@code raw}, reads it back, and checks size, SHA-256 and every byte. */
  static Archived assertRoundTrip(SingleInstanceStore store, byte[] raw) {
    Archived archived = store.store(new ByteArrayInputStream(raw));
    // reading bodies back from the message instead of copying them must give the very same skeleton and parts
    Archived again = store.store(new ByteArrayInputStream(raw), (position, b, off, len) -> {
      if (position >= raw.length) {
        return -1;
      }
      int n = (int) Math.min(len, raw.length - position);
      System.arraycopy(raw, (int) position, b, off, n);
      return n;
    });
    assertThat(again).isEqualTo(archived);
    byte[] back;
    try (InputStream in = store.open(archived.skeleton())) {
      back = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(archived.rawSize()).isEqualTo(raw.length);
    assertThat(archived.rawSha256()).isEqualTo(sha256(raw));
    assertThat(sha256(back)).isEqualTo(sha256(raw));
    int mismatch = Arrays.mismatch(back, raw);
    if (mismatch >= 0) {
      fail("rebuilt message differs from the original at byte " + mismatch + " of " + raw.length);
    }
    return archived;
  }

  static Archived assertRoundTrip(SingleInstanceStore store, String raw) {
    return assertRoundTrip(store, bytes(raw));
  }
}
