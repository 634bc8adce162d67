package org.mastermail.event;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies one event of the audit log. */
public record EventId(UUID value) {
  public EventId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static EventId random() {
    return new EventId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static EventId of(String text) {
    requireNonNull(text, "text");
    try {
      return new EventId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid EventId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
