package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * A part body that is not copied at all: the message it comes from can be read again at any position, so the body is
 * just where it starts and how long it has grown.
 */
final class RangeBody implements HeldBody {
  private final PositionalBytes source;
  private final long offset;
  private long size;

  RangeBody(PositionalBytes source, long offset) {
    this.source = source;
    this.offset = offset;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    size += len;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public InputStream openInput() {
    return new Input(source, offset, size);
  }

  @Override
  public void close() {
    // nothing was copied
  }

  /** {@code length} bytes of the source from {@code offset}. */
  private static final class Input extends InputStream {
    private final PositionalBytes source;
    private long position;
    private long remaining;

    Input(PositionalBytes source, long offset, long length) {
      this.source = source;
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

    @Override
    public long skip(long n) {
      long skipped = Math.max(0, Math.min(n, remaining));
      position += skipped;
      remaining -= skipped;
      return skipped;
    }
  }
}
