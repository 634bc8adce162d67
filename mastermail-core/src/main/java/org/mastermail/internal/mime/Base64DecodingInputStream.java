package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the first {@code encodedLength} bytes of a base64 body that {@link Base64Checker} found canonical, skipping
 * line endings. Anything else in the input is reported, never guessed at.
 *
 * <p>Four characters become three bytes per step wherever a whole quantum lies between line endings (nearly always:
 * line lengths are multiples of four); line endings, padding and quanta cut by a line ending or a read take the
 * character-by-character path. Characters after the last full quantum give the bytes their bits fill (two: one byte,
 * three: two bytes), as decoding bit by bit would.
 */
final class Base64DecodingInputStream extends InputStream {
  private final InputStream in;
  private final byte[] encoded = new byte[8 * 1024];
  private final byte[] decoded = new byte[encoded.length];
  private long remaining;
  private int pos;
  private int limit;
  /** The characters of the quantum under way (up to three), six bits each, and how many there are. */
  private int quantum;
  private int quantumChars;
  private boolean padded;

  Base64DecodingInputStream(InputStream in, long encodedLength) {
    this.in = in;
    this.remaining = encodedLength;
  }

  @Override
  public int read() throws IOException {
    while (pos == limit) {
      if (!fill()) {
        return -1;
      }
    }
    return decoded[pos++] & 0xFF;
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
    limit = decode(n);
    if (remaining == 0) {
      limit = flushPartial(limit);
    }
    return true;
  }

  /** Decodes {@code encoded[0, n)} into {@code decoded} from its start; returns the number of bytes written. */
  private int decode(int n) throws IOException {
    byte[] src = encoded;
    byte[] dst = decoded;
    int out = 0;
    int i = 0;
    while (i < n) {
      if (quantumChars == 0 && !padded) {
        while (i + 4 <= n) {
          int a = Base64Checker.value(src[i]);
          int b = Base64Checker.value(src[i + 1]);
          int c = Base64Checker.value(src[i + 2]);
          int d = Base64Checker.value(src[i + 3]);
          if ((a | b | c | d) < 0) {
            break;
          }
          int bits = a << 18 | b << 12 | c << 6 | d;
          dst[out] = (byte) (bits >> 16);
          dst[out + 1] = (byte) (bits >> 8);
          dst[out + 2] = (byte) bits;
          out += 3;
          i += 4;
        }
        if (i == n) {
          break;
        }
      }
      out = character(src[i], dst, out);
      i++;
    }
    return out;
  }

  private int character(byte c, byte[] dst, int out) throws IOException {
    if (c == '\r' || c == '\n') {
      return out;
    }
    if (c == '=') {
      padded = true;
      return out;
    }
    int v = Base64Checker.value(c);
    if (v < 0 || padded) {
      throw new IOException("unexpected character 0x" + Integer.toHexString(c & 0xFF) + " in a canonical base64 body");
    }
    quantum = quantum << 6 | v;
    if (++quantumChars < 4) {
      return out;
    }
    dst[out] = (byte) (quantum >> 16);
    dst[out + 1] = (byte) (quantum >> 8);
    dst[out + 2] = (byte) quantum;
    quantum = 0;
    quantumChars = 0;
    return out + 3;
  }

  /** At the end of the input: the whole bytes held by an unfinished quantum (padded or not). */
  private int flushPartial(int out) {
    if (quantumChars >= 2) {
      decoded[out++] = (byte) (quantum >> (quantumChars * 6 - 8));
    }
    if (quantumChars == 3) {
      decoded[out++] = (byte) (quantum >> 2);
    }
    quantum = 0;
    quantumChars = 0;
    return out;
  }
}
