package org.mastermail.internal.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a byte stream into lines ending in LF or CRLF without ever holding more than one buffer of it: a line longer
 * than the buffer comes out as several pieces. Each piece is a view of the internal buffer, valid until the next call
 * to {@link #next()}.
 */
final class LineReader {
  static final int DEFAULT_CAPACITY = 16 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long bytesRead;

  private int start;
  private int contentEnd;
  private int end;
  private boolean lineStart;
  private boolean lineEnd;
  private boolean atLineStart = true;

  LineReader(InputStream in, int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
    }
    this.in = in;
    this.buf = new byte[capacity];
  }

  /** Moves to the next piece; false at the end of the stream. */
  boolean next() throws IOException {
    pos = end;
    int scan = pos;
    int lf;
    while (true) {
      lf = indexOfLf(scan, limit);
      if (lf >= 0 || eof || limit - pos == buf.length) {
        break;
      }
      scan = limit - pos;
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
        bytesRead += n;
      }
    }
    start = pos;
    lineStart = atLineStart;
    if (lf >= 0) {
      end = lf + 1;
      contentEnd = lf > pos && buf[lf - 1] == CR ? lf - 1 : lf;
      lineEnd = true;
    } else if (limit == pos) {
      end = pos;
      return false;
    } else if (eof) {
      end = limit;
      contentEnd = limit;
      lineEnd = true;
    } else {
      // A CR at the cut is held back so that a CRLF is never split between two pieces.
      end = buf[limit - 1] == CR ? limit - 1 : limit;
      contentEnd = end;
      lineEnd = false;
    }
    atLineStart = lineEnd;
    return true;
  }

  private int indexOfLf(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == LF) {
        return i;
      }
    }
    return -1;
  }

  byte[] buffer() {
    return buf;
  }

  /** Where the piece starts in {@link #buffer()}. */
  int start() {
    return start;
  }

  /** Where the piece's content ends, that is where its line ending (if any) starts. */
  int contentEnd() {
    return contentEnd;
  }

  /** Where the piece ends, after its line ending. */
  int end() {
    return end;
  }

  /** Whether the piece begins a line. */
  boolean lineStart() {
    return lineStart;
  }

  /** Whether the piece ends a line, with a line ending or at the end of the stream. */
  boolean lineEnd() {
    return lineEnd;
  }

  /** Whether the piece is a whole line, which is the only kind of piece that can be a boundary or a blank line. */
  boolean wholeLine() {
    return lineStart && lineEnd;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** How many bytes of the stream come before the current piece. */
  long startOffset() {
    return bytesRead - (limit - start);
  }

  /** How many bytes of the stream come before the end of the current piece: where the next piece starts. */
  long endOffset() {
    return bytesRead - (limit - end);
  }
}
