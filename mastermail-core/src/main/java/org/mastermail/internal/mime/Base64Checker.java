package org.mastermail.internal.mime;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Decides, while a base64 body streams past line by line, whether encoding its decoded bytes again would give exactly
 * the same bytes: one line length L for every line but a shorter (or equal) last one, one line ending throughout,
 * only the standard alphabet, padding only at the very end with zero bits before it. Blank lines after the data are
 * allowed (they are kept as literal bytes); anything else makes the body non-canonical, and it then stays inline.
 */
final class Base64Checker {
  /** The outcome for a canonical body; {@code extractedLength} bytes from the start of the body are re-encodable. */
  record Canonical(long decodedSize, int lineLength, boolean crlf, boolean finalLineEnding, long extractedLength) {}

  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private boolean failed;
  private long offset;
  private long lineLength = -1;
  private int lineEnding = -1;
  private long current;
  private boolean shortLineSeen;
  private boolean tail;

  private long dataChars;
  private int quantum;
  private int lastValue;
  private boolean padPending;
  private int padding;

  private int lastDataLineEnding = -1;
  private long dataEnd;

  /** The value of a base64 character, or -1 outside the standard alphabet. */
  static int value(int c) {
    return VALUES[c & 0xFF];
  }

  /** Feeds one piece of a line: content in {@code [start, contentEnd)}, its line ending up to {@code end}. */
  void accept(byte[] b, int start, int contentEnd, int end, boolean lineEnd) {
    offset += end - start;
    if (failed) {
      return;
    }
    int length = contentEnd - start;
    if (length > 0) {
      current += length;
      if (tail || shortLineSeen || (lineLength >= 0 && current > lineLength)) {
        failed = true;
        return;
      }
      int i = plainRun(b, start, contentEnd);
      for (; i < contentEnd && !failed; i++) {
        character(b[i] & 0xFF);
      }
    }
    if (lineEnd && !failed) {
      endLine(end - contentEnd);
    }
  }

  /**
   * Takes the alphabet characters from {@code start} on in one tight loop while no padding has been seen (the whole of
   * every line but the last), and returns where the character-by-character path has to go on.
   */
  private int plainRun(byte[] b, int start, int contentEnd) {
    if (padding > 0 || padPending) {
      return start;
    }
    int i = start;
    int last = -1;
    while (i < contentEnd) {
      int v = VALUES[b[i] & 0xFF];
      if (v < 0) {
        break;
      }
      last = v;
      i++;
    }
    int run = i - start;
    if (run > 0) {
      lastValue = last;
      quantum = (quantum + run) & 3;
      dataChars += run;
    }
    return i;
  }

  private void character(int c) {
    int v = VALUES[c];
    if (padding > 0) {
      failed = true;
    } else if (v >= 0) {
      if (padPending) {
        failed = true;
      }
      lastValue = v;
      quantum = (quantum + 1) & 3;
      dataChars++;
    } else if (c != '=') {
      failed = true;
    } else if (padPending) {
      padPending = false;
      padding = 2;
      quantum = 0;
      dataChars++;
    } else if (quantum == 2 && (lastValue & 0x0F) == 0) {
      // "xx==" carries one byte; bits left over in the second character must be zero to re-encode the same way.
      padPending = true;
      quantum = 3;
      dataChars++;
    } else if (quantum == 3 && (lastValue & 0x03) == 0) {
      padding = 1;
      quantum = 0;
      dataChars++;
    } else {
      failed = true;
    }
  }

  private void endLine(int ending) {
    if (current == 0) {
      if (dataChars == 0) {
        failed = true;
      }
      tail = true;
      return;
    }
    if (lineLength < 0) {
      lineLength = current;
      lineEnding = ending;
    } else {
      // The previous data line was not the last, so its ending has to be the shared one.
      if (lastDataLineEnding != lineEnding) {
        failed = true;
        return;
      }
      if (current < lineLength) {
        shortLineSeen = true;
      }
    }
    lastDataLineEnding = ending;
    dataEnd = offset - ending;
    current = 0;
  }

  /** The verdict once the body has ended; null when the body must stay inline. */
  @Nullable Canonical finish() {
    if (failed || padPending || current != 0 || dataChars == 0 || dataChars % 4 != 0
        || lineLength > Integer.MAX_VALUE) {
      return null;
    }
    long decoded = dataChars / 4 * 3 - padding;
    boolean finalLineEnding = lastDataLineEnding > 0 && lastDataLineEnding == lineEnding;
    // A single line that runs to the end of the input has no ending to copy; either value re-encodes it the same.
    boolean crlf = lineEnding == 2;
    long extracted = finalLineEnding ? dataEnd + lastDataLineEnding : dataEnd;
    return new Canonical(decoded, (int) lineLength, crlf, finalLineEnding, extracted);
  }
}
