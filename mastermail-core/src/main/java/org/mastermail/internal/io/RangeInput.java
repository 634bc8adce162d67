package org.mastermail.internal.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code length} bytes of a message readable again at any position, from {@code offset}: part bodies read back from the
 * spooled message instead of copies of them. The message ending before the range does is an error, never a short read.
 */
public final class RangeInput extends InputStream {
  /** Bytes readable at any position. */
  @FunctionalInterface
  public interface Source {
    /** Reads up to {@code len} bytes from {@code position}; -1 at the end. */
    int read(long position, byte[] b, int off, int len) throws IOException;
  }

  private final Source source;
  private long position;
  private long remaining;

  public RangeInput(Source source, long offset, long length) {
    this.source = requireNonNull(source, "source");
    this.position = offset;
    this.remaining = length;
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
    if (remaining == 0) {
      return -1;
    }
    int n = source.read(position, b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("the message ended " + remaining + " bytes before the end of a part read from it");
    }
    position += n;
    remaining -= n;
    return n;
  }

  /** Moves on without reading: what follows an extracted body is copied from its end, not read up to. */
  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, remaining));
    position += skipped;
    remaining -= skipped;
    return skipped;
  }
}
