package org.mastermail.tenant;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a user within a tenant. */
public record UserId(UUID value) {
  public UserId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static UserId of(String text) {
    requireNonNull(text, "text");
    try {
      return new UserId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid UserId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
