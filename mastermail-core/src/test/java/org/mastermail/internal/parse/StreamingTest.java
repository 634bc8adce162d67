package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMailException;

class StreamingTest {
  private static final long ATTACHMENT_BYTES = 50L * 1024 * 1024;
  // a multiple of 57 bytes, so each chunk encodes to whole 76-character base64 lines
  private static final int CHUNK = 57 * 1024;

  /** Deterministic pseudo-random bytes, produced chunk by chunk. */
  private static final class Noise {
    private long state = 0x9E3779B97F4A7C15L;
    private long left;

    Noise(long size) {
      this.left = size;
    }

    int next(byte[] into) {
      int n = (int) Math.min(into.length, left);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        into[i] = (byte) state;
      }
      left -= n;
      return n;
    }
  }

  /** The attachment, base64-encoded on the fly with CRLF lines: nothing of it exists in memory at once. */
  private static final class Base64Body extends InputStream {
    private final Noise noise = new Noise(ATTACHMENT_BYTES);
    private final byte[] raw = new byte[CHUNK];
    private byte[] encoded = new byte[0];
    private int at;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == encoded.length) {
        int n = noise.next(raw);
        if (n == 0) {
          return -1;
        }
        byte[] chunk = n == raw.length ? raw : java.util.Arrays.copyOf(raw, n);
        encoded = (Base64.getMimeEncoder().encodeToString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        at = 0;
      }
      int n = Math.min(len, encoded.length - at);
      System.arraycopy(encoded, at, b, off, n);
      at += n;
      return n;
    }
  }

  private static InputStream ascii(String text) {
    return new ByteArrayInputStream(Mail.crlf(text).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void fiftyMegabyteAttachmentShouldBeHashedWhileStreaming() throws Exception {
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    Noise noise = new Noise(ATTACHMENT_BYTES);
    byte[] buffer = new byte[CHUNK];
    for (int n = noise.next(buffer); n > 0; n = noise.next(buffer)) {
      expected.update(buffer, 0, n);
    }
    InputStream message = new SequenceInputStream(java.util.Collections.enumeration(List.of(
        ascii("""
            Subject: big
            Content-Type: multipart/mixed; boundary=big

            --big
            Content-Type: text/plain

            see the archive
            --big
            Content-Type: application/zip; name=archive.zip
            Content-Transfer-Encoding: base64

            """),
        new Base64Body(),
        ascii("--big--\n"))));

    ParsedMessage m = new MessageParser(ParseLimits.DEFAULTS).parse(message);

    assertThat(m.text()).isEqualTo("see the archive");
    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.filename()).isEqualTo("archive.zip");
      assertThat(a.size()).isEqualTo(ATTACHMENT_BYTES);
      assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    });
    assertThat(m.rawSize()).isGreaterThan(ATTACHMENT_BYTES * 4 / 3);
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void failingInputShouldThrowMasterMailException() {
    InputStream failing = new SequenceInputStream(ascii("Subject: x\n\nsome body"), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });

    assertThatThrownBy(() -> new MessageParser(ParseLimits.DEFAULTS).parse(failing))
        .isInstanceOf(MasterMailException.class)
        .hasRootCauseMessage("connection reset");
  }

  @Test
  void rawSizeShouldCountEveryByteEvenAfterTheLastBoundary() {
    String text = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\nepilogue\n";

    ParsedMessage m = new MessageParser(ParseLimits.DEFAULTS).parse(ascii(text));

    assertThat(m.rawSize()).isEqualTo(Mail.crlf(text).length());
  }
}
