package org.mastermail.internal.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes a message through unchanged except for its header block, which it makes well-formed before mime4j reads
 * it: an mbox {@code From } line before the headers is dropped, a blank line is inserted where the headers stop
 * without one (mime4j's own recovery loses the line after the bad one), header lines longer than {@link #FOLD_AT}
 * bytes are folded (so they stay bounded in memory without mime4j's line limit failing the parse), and a message
 * that ends inside its headers gets the blank line that ends them.
 */
final class HeaderRepairInputStream extends InputStream {
  static final int FOLD_AT = 64 * 1024;
  // RFC 5322 lines are at most 998 characters: a field name and its colon are always within this
  private static final int PEEK = 1000;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] FOLD = {'\r', '\n', ' '};
  private static final byte[] EMPTY = {};

  private final BufferedInputStream in;
  private final Problems problems;
  private final String where;
  private boolean inHeaders = true;
  private boolean atLineStart = true;
  private boolean firstLine = true;
  private boolean sawAnything;
  private boolean folded;
  private int lineLength;
  private byte[] pending = EMPTY;
  private int pendingAt;

  HeaderRepairInputStream(InputStream in, Problems problems, String where) {
    this.in = new BufferedInputStream(in, 2 * PEEK + 8192);
    this.problems = problems;
    this.where = where;
  }

  @Override
  public int read() throws IOException {
    if (pendingAt < pending.length) {
      return pending[pendingAt++] & 0xff;
    }
    if (!inHeaders) {
      return in.read();
    }
    if (atLineStart) {
      atLineStart = false;
      classifyLine();
      return read();
    }
    int b = in.read();
    if (b < 0) {
      inHeaders = false;
      if (sawAnything) {
        // headers without the blank line that ends them: legal when there is no body
        emit(lineLength == 0 ? CRLF : new byte[] {'\r', '\n', '\r', '\n'});
        return read();
      }
      return -1;
    }
    sawAnything = true;
    if (b == '\n') {
      atLineStart = true;
      lineLength = 0;
    } else if (++lineLength >= FOLD_AT && b != '\r') {
      if (!folded) {
        problems.add("header line longer than " + FOLD_AT + " bytes folded in " + where);
        folded = true;
      }
      emit(FOLD);
      lineLength = 1;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!inHeaders && pendingAt >= pending.length) {
      return in.read(buffer, offset, length);
    }
    int n = 0;
    while (n < length && (inHeaders || pendingAt < pending.length)) {
      int b = read();
      if (b < 0) {
        return n == 0 ? -1 : n;
      }
      buffer[offset + n++] = (byte) b;
    }
    return n;
  }

  @Override
  public void close() {
    // the caller owns the underlying stream
  }

  private void classifyLine() throws IOException {
    byte[] line = peekLine();
    if (line.length == 0) {
      return;
    }
    if (line[0] == '\n' || (line[0] == '\r' && line.length > 1 && line[1] == '\n')) {
      inHeaders = false;
    } else if (firstLine && startsWith(line, "From ")) {
      problems.add("mbox \"From \" line before the headers skipped in " + where);
      skipLine();
      atLineStart = true;
      return;
    } else if (isBodyLine(line)) {
      problems.add(firstLine ? "no headers found in " + where + ", everything read as body"
          : "missing blank line after the headers in " + where);
      inHeaders = false;
      emit(CRLF);
    }
    firstLine = false;
  }

  // a continuation cannot open the headers; anything but a field start cannot be a header
  private boolean isBodyLine(byte[] line) {
    boolean continuation = line[0] == ' ' || line[0] == '\t';
    return continuation ? firstLine : !isFieldStart(line);
  }

  private byte[] peekLine() throws IOException {
    in.mark(PEEK + 1);
    byte[] line = new byte[PEEK];
    int n = 0;
    while (n < PEEK) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      line[n++] = (byte) b;
      if (b == '\n') {
        break;
      }
    }
    in.reset();
    return Arrays.copyOf(line, n);
  }

  private void skipLine() throws IOException {
    int b;
    do {
      b = in.read();
    } while (b >= 0 && b != '\n');
  }

  // Mirrors mime4j's DefaultFieldBuilder: a name of printable ASCII other than ':', optional blanks, then ':'.
  private static boolean isFieldStart(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] >= 33 && line[i] <= 126 && line[i] != ':') {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    return i < line.length && line[i] == ':';
  }

  private static boolean startsWith(byte[] line, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (line.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (line[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private void emit(byte[] bytes) {
    pending = bytes;
    pendingAt = 0;
  }
}
