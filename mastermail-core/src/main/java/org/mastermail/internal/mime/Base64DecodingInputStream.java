package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the first {@code encodedLength} bytes of a base64 body that {@link Base64Checker} found canonical, skipping
 * line endings. Anything else in the input is reported, never guessed at.
 */
final class Base64DecodingInputStream extends InputStream {
  private final InputStream in;
  private final byte[] encoded = new byte[8 * 1024];
  private final byte[] decoded = new byte[encoded.length];
  private long remaining;
  private int pos;
  private int limit;
  private int bits;
  private int bitCount;
  private boolean padded;

  Base64DecodingInputStream(InputStream in, long encodedLength) {
    this.in = in;
    this.remaining = encodedLength;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (pos == limit) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(decoded, pos, b, off, n);
    pos += n;
    return n;
  }

  private boolean fill() throws IOException {
    if (remaining == 0) {
      return false;
    }
    int n = in.read(encoded, 0, (int) Math.min(encoded.length, remaining));
    if (n < 0) {
      throw new IOException("base64 body ended " + remaining + " bytes early");
    }
    remaining -= n;
    pos = 0;
    limit = 0;
    for (int i = 0; i < n; i++) {
      int c = encoded[i];
      if (c == '\r' || c == '\n') {
        continue;
      }
      if (c == '=') {
        padded = true;
        continue;
      }
      int v = Base64Checker.value(c);
      if (v < 0 || padded) {
        throw new IOException("unexpected character 0x" + Integer.toHexString(c & 0xFF) + " in a canonical base64 body");
      }
      bits = (bits << 6) | v;
      bitCount += 6;
      if (bitCount >= 8) {
        bitCount -= 8;
        decoded[limit++] = (byte) (bits >> bitCount);
        bits &= (1 << bitCount) - 1;
      }
    }
    return true;
  }
}
