package org.mastermail.status;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a tenant-defined status. */
public record StatusId(UUID value) {
  public StatusId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static StatusId random() {
    return new StatusId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static StatusId of(String text) {
    requireNonNull(text, "text");
    try {
      return new StatusId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid StatusId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
