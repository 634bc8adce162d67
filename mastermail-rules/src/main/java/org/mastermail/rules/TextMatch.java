package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mastermail.InvalidInputException;

/**
 * How a text is compared: {@code contains} and {@code equals} ignore case; {@code regex} is a Java pattern found
 * anywhere in the text (anchor it with {@code ^...$}; add {@code (?i)} to ignore case).
 */
public record TextMatch(Kind kind, String value) {
  /** The comparisons, named as in JSON. */
  public enum Kind {
    CONTAINS("contains"),
    EQUALS("equals"),
    REGEX("regex");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    /** The JSON field name of this comparison. */
    public String json() {
      return json;
    }
  }

  /** Longest pattern or text accepted, to keep a rule set from being a denial of service. */
  public static final int MAX_LENGTH = 2000;

  public TextMatch {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new InvalidInputException("must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException("longer than " + MAX_LENGTH + " characters");
    }
    if (kind == Kind.REGEX) {
      compile(value);
    }
  }

  public static TextMatch contains(String value) {
    return new TextMatch(Kind.CONTAINS, value);
  }

  public static TextMatch equalTo(String value) {
    return new TextMatch(Kind.EQUALS, value);
  }

  public static TextMatch regex(String value) {
    return new TextMatch(Kind.REGEX, value);
  }

  /** The compiled pattern of a {@code regex} match. */
  public static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException("invalid pattern " + e.getDescription() + " near index " + e.getIndex() + " of '"
          + regex + "'", e);
    }
  }

  @Override
  public String toString() {
    return kind.json() + " \"" + value + "\"";
  }
}
