package org.mastermail.message;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies one archived or sent message. */
public record MessageId(UUID value) {
  public MessageId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static MessageId random() {
    return new MessageId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static MessageId of(String text) {
    requireNonNull(text, "text");
    try {
      return new MessageId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid MessageId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
