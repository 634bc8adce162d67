package org.mastermail.internal.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The boundaries of the multiparts the scanner is inside, innermost last. A line closes the part it is in when it is
 * {@code --boundary} of any of them, optionally followed by {@code --} (the closing delimiter) and then only spaces or
 * tabs; meeting an outer boundary implicitly ends the inner multiparts, as lenient MIME parsers do.
 */
final class BoundaryStack {
  /** A multipart being read: its delimiter ("--" + boundary), its depth, and whether it is a multipart/digest. */
  static final class Frame {
    private final byte[] delimiter;
    private final int depth;
    private final boolean digest;

    Frame(String boundary, int depth, boolean digest) {
      this.delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      this.depth = depth;
      this.digest = digest;
    }

    int depth() {
      return depth;
    }

    boolean digest() {
      return digest;
    }
  }

  private final List<Frame> frames = new ArrayList<>();
  private boolean closing;

  void push(String boundary, int depth, boolean digest) {
    frames.add(new Frame(boundary, depth, digest));
  }

  boolean isEmpty() {
    return frames.isEmpty();
  }

  /**
   * The index of the innermost multipart whose delimiter the line {@code b[start, end)} (without its line ending) is,
   * or -1; {@link #closing()} then tells whether it was the closing delimiter.
   */
  int match(byte[] b, int start, int end) {
    if (frames.isEmpty() || end - start < 3 || b[start] != '-' || b[start + 1] != '-') {
      return -1;
    }
    for (int i = frames.size() - 1; i >= 0; i--) {
      byte[] delimiter = frames.get(i).delimiter;
      if (end - start >= delimiter.length && startsWith(b, start, delimiter)) {
        int rest = start + delimiter.length;
        boolean close = end - rest >= 2 && b[rest] == '-' && b[rest + 1] == '-';
        if (close) {
          rest += 2;
        }
        if (onlyBlanks(b, rest, end)) {
          closing = close;
          return i;
        }
      }
    }
    return -1;
  }

  /** Whether the last successful {@link #match} was a closing delimiter. */
  boolean closing() {
    return closing;
  }

  /**
   * Leaves the multipart at {@code index} innermost, ending those inside it; a closing delimiter ends it too.
   *
   * @return the multipart at {@code index}
   */
  Frame unwindTo(int index, boolean close) {
    Frame frame = frames.get(index);
    int keep = close ? index : index + 1;
    frames.subList(keep, frames.size()).clear();
    return frame;
  }

  private static boolean startsWith(byte[] b, int start, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[start + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyBlanks(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
