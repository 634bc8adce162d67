package org.mastermail.rules.internal;

import java.util.regex.Pattern;

/**
 * Text for a tenant-written pattern to search, that gives up after a fixed number of character reads: a pattern with
 * catastrophic backtracking ({@code (a+)+$}) then costs milliseconds and counts as no match, instead of holding the
 * archiving transaction for minutes.
 */
final class BoundedText implements CharSequence {
  /** Character reads allowed per search: about a hundred passes over a 100 KB body. */
  static final long MAX_READS = 10_000_000;

  /** Thrown when a search has read its allowance. */
  static final class GaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GaveUp() {
      super("the pattern needed too many steps", null, false, false);
    }
  }

  private final String text;
  private final long[] reads;
  private final int start;
  private final int end;

  private BoundedText(String text, long[] reads, int start, int end) {
    this.text = text;
    this.reads = reads;
    this.start = start;
    this.end = end;
  }

  /** {@code text} for one search; reading past the allowance throws {@link GaveUp}. */
  static CharSequence of(String text) {
    return new BoundedText(text, new long[1], 0, text.length());
  }

  /** Whether {@code pattern} is found in {@code text}; false when the search gives up. */
  static boolean find(Pattern pattern, String text) {
    try {
      return pattern.matcher(new BoundedText(text, new long[1], 0, text.length())).find();
    } catch (GaveUp e) {
      return false;
    }
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public char charAt(int index) {
    if (++reads[0] > MAX_READS) {
      throw new GaveUp();
    }
    return text.charAt(start + index);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new BoundedText(text, reads, start + from, start + to);
  }

  @Override
  public String toString() {
    return text.substring(start, end);
  }
}
