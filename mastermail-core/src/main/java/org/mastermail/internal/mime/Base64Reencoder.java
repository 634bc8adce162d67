package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encodes a stored attachment back into the exact base64 body it was extracted from: lines of {@code lineLength}
 * characters separated by one line ending, and that ending after the last line when the original had one.
 */
final class Base64Reencoder extends InputStream {
  private static final int BLOCK = 3 * 1024;

  private final InputStream decoded;
  private final long decodedSize;
  private final int lineLength;
  private final byte[] lineEnding;
  private final boolean finalLineEnding;
  private final byte[] in = new byte[BLOCK];
  private final byte[] out;
  private long total;
  private int column;
  private int pos;
  private int limit;
  private boolean done;

  Base64Reencoder(InputStream decoded, long decodedSize, int lineLength, boolean crlf, boolean finalLineEnding) {
    this.decoded = decoded;
    this.decodedSize = decodedSize;
    this.lineLength = lineLength;
    this.lineEnding = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
    this.finalLineEnding = finalLineEnding;
    int chars = BLOCK / 3 * 4;
    this.out = new byte[chars + (chars / lineLength + 2) * 2];
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
      if (done) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(out, pos, b, off, n);
    pos += n;
    return n;
  }

  private void fill() throws IOException {
    pos = 0;
    limit = 0;
    // readNBytes fills the block unless the stream ends, so only the last block can need padding.
    int n = decoded.readNBytes(in, 0, BLOCK);
    total += n;
    if (total > decodedSize || (n < BLOCK && total != decodedSize)) {
      throw new IOException("stored attachment has " + (n < BLOCK ? total : "more than " + decodedSize)
          + " bytes, the skeleton expects " + decodedSize);
    }
    if (n > 0) {
      byte[] chars = Base64.getEncoder().encode(n == BLOCK ? in : Arrays.copyOf(in, n));
      int i = 0;
      while (i < chars.length) {
        if (column == lineLength) {
          put(lineEnding, 0, lineEnding.length);
          column = 0;
        }
        int run = Math.min(lineLength - column, chars.length - i);
        put(chars, i, run);
        column += run;
        i += run;
      }
    }
    if (n < BLOCK) {
      if (finalLineEnding && total > 0) {
        put(lineEnding, 0, lineEnding.length);
      }
      done = true;
    }
  }

  private void put(byte[] b, int off, int len) {
    System.arraycopy(b, off, out, limit, len);
    limit += len;
  }

  @Override
  public void close() throws IOException {
    decoded.close();
  }
}
