package org.mastermail.mailbox;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a delegation of a personal mailbox. */
public record DelegationId(UUID value) {
  public DelegationId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static DelegationId random() {
    return new DelegationId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static DelegationId of(String text) {
    requireNonNull(text, "text");
    try {
      return new DelegationId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid DelegationId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
