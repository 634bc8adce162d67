package org.mastermail.internal.mime;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Gathers, from the lines of one header section, the few fields the scanner acts on. Each field is unfolded and
 * capped in length so that a 10,000-character header line costs nothing more than its bytes passing by; a field
 * longer than the cap is ignored.
 */
final class HeaderCollector {
  static final int MAX_FIELD = 16 * 1024;

  private final StringBuilder field = new StringBuilder();
  private boolean overflow;
  private @Nullable String contentType;
  private @Nullable String transferEncoding;
  private @Nullable String disposition;

  void reset() {
    field.setLength(0);
    overflow = false;
    contentType = null;
    transferEncoding = null;
    disposition = null;
  }

  /** Feeds one piece of a header line, without its line ending. */
  void accept(byte[] b, int start, int contentEnd, boolean lineStart) {
    if (lineStart && contentEnd > start && b[start] != ' ' && b[start] != '\t') {
      finishField();
    }
    int room = MAX_FIELD - field.length();
    if (contentEnd - start > room) {
      overflow = true;
    }
    for (int i = start, stop = Math.min(contentEnd, start + room); i < stop; i++) {
      field.append((char) (b[i] & 0xFF));
    }
  }

  /** The header as read so far; {@code digestParent} makes message/rfc822 the default type. */
  PartHeaders finish(boolean digestParent) {
    finishField();
    return PartHeaders.of(contentType, transferEncoding, disposition, digestParent);
  }

  private void finishField() {
    if (!overflow) {
      int colon = field.indexOf(":");
      if (colon > 0) {
        String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1);
        // The first occurrence wins, as it does for Jakarta Mail's getHeader(name, null).
        if (name.equals("content-type") && contentType == null) {
          contentType = value;
        } else if (name.equals("content-transfer-encoding") && transferEncoding == null) {
          transferEncoding = value;
        } else if (name.equals("content-disposition") && disposition == null) {
          disposition = value;
        }
      }
    }
    field.setLength(0);
    overflow = false;
  }
}
