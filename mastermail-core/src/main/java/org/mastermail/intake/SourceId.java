package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import org.mastermail.InvalidInputException;

/** Names one configured source of a tenant, such as {@code "imap:info@acme.example"}; stable across restarts. */
public record SourceId(String value) {
  private static final int MAX = 200;

  public SourceId {
    requireNonNull(value, "value");
    if (value.isBlank() || value.length() > MAX || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("a source id must be 1 to " + MAX + " characters without control characters,"
          + " was '" + value + "'");
    }
  }

  public static SourceId of(String value) {
    return new SourceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
