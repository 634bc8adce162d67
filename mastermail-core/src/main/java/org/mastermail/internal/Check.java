package org.mastermail.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/** Validation helpers that raise {@link InvalidInputException} naming the offending field. */
public final class Check {
  private static final Pattern ADDRESS =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
  private static final int MAX_NAME = 200;

  private Check() {}

  /** A trimmed, non-blank name of at most 200 characters without control characters. */
  public static String name(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " must not be blank");
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_NAME) {
      throw new InvalidInputException(field + " must be at most " + MAX_NAME + " characters, was " + trimmed.length());
    }
    noControl(field, trimmed);
    return trimmed;
  }

  /** A syntactically valid e-mail address, lower-cased. */
  public static String address(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " must not be blank");
    }
    String trimmed = value.strip();
    if (trimmed.length() > 254 || !ADDRESS.matcher(trimmed).matches()) {
      throw new InvalidInputException(field + " is not a valid e-mail address: '" + printable(trimmed) + "'");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  /** Rejects CR, LF, NUL and other control characters (they would allow header injection). */
  public static String noControl(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new InvalidInputException(field + " must not contain control characters (found U+"
            + String.format(Locale.ROOT, "%04X", (int) c) + " at position " + i + ")");
      }
    }
    return value;
  }

  public static <T> T present(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidInputException(field + " is required");
    }
    return value;
  }

  private static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
