package org.mastermail.internal.mime;

import java.io.InputStream;
import org.mastermail.internal.io.RangeInput;

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
    return new RangeInput(source::read, offset, size);
  }

  @Override
  public void close() {
    // nothing was copied
  }
}
