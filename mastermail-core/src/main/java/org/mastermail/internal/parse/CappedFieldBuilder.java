package org.mastermail.internal.parse;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.FieldBuilder;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.RecycledByteArrayBuffer;
import org.jspecify.annotations.Nullable;

/**
 * mime4j's field builder, except that a header longer than the cap is cut instead of either failing the whole
 * parse (mime4j's own limit throws) or growing without bound (no limit at all).
 */
final class CappedFieldBuilder implements FieldBuilder {
  private final DefaultFieldBuilder delegate = new DefaultFieldBuilder(-1);
  private final int maxBytes;
  private int length;
  private boolean truncated;

  CappedFieldBuilder(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void reset() {
    delegate.reset();
    length = 0;
    truncated = false;
  }

  @Override
  public void append(ByteArrayBuffer line) throws MimeException {
    int room = maxBytes - length;
    if (line.length() <= room) {
      delegate.append(line);
      length += line.length();
    } else {
      if (room > 0) {
        delegate.append(new ByteArrayBuffer(line.buffer(), room, true));
        length += room;
      }
      truncated = true;
    }
  }

  /**
   * Null for an empty header block: mime4j then ends the headers quietly, where building the empty field would
   * report an invalid header for every part that legally has no headers.
   */
  @Override
  public @Nullable RawField build() throws MimeException {
    return length == 0 ? null : delegate.build();
  }

  @Override
  public RecycledByteArrayBuffer getRaw() {
    return delegate.getRaw();
  }

  @Override
  public void release() {
    delegate.release();
  }

  /** Whether the field last built was cut short. */
  boolean truncated() {
    return truncated;
  }
}
