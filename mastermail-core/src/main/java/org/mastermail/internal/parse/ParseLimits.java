package org.mastermail.internal.parse;

import org.mastermail.InvalidInputException;

/**
 * How much of a message {@link MessageParser} keeps. Whatever the limits, the parser reads the whole message; the
 * limits only bound what it holds in memory and returns.
 *
 * @param maxTextChars characters of the text/plain body kept, the rest is dropped and flagged
 * @param maxHtmlChars characters of the text/html body kept, likewise
 * @param maxHeaderValueChars characters kept of each decoded header value
 * @param maxHeaders top-level headers listed; envelope fields still see every header
 * @param maxDepth multipart and message/rfc822 levels walked into; deeper content is skipped
 */
public record ParseLimits(int maxTextChars, int maxHtmlChars, int maxHeaderValueChars, int maxHeaders, int maxDepth) {
  public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
  public static final int DEFAULT_MAX_HTML_CHARS = 2_000_000;
  public static final int DEFAULT_MAX_HEADER_VALUE_CHARS = 10_000;
  public static final int DEFAULT_MAX_HEADERS = 1_000;
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** The defaults: 1 M text characters, 2 M html characters, 10 k per header value, 1 000 headers, 64 levels. */
  public static final ParseLimits DEFAULTS = new ParseLimits(DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_HTML_CHARS,
      DEFAULT_MAX_HEADER_VALUE_CHARS, DEFAULT_MAX_HEADERS, DEFAULT_MAX_DEPTH);

  public ParseLimits {
    requirePositive(maxTextChars, "maxTextChars");
    requirePositive(maxHtmlChars, "maxHtmlChars");
    requirePositive(maxHeaderValueChars, "maxHeaderValueChars");
    requirePositive(maxHeaders, "maxHeaders");
    requirePositive(maxDepth, "maxDepth");
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new InvalidInputException(name + " must be at least 1, was " + value);
    }
  }
}
