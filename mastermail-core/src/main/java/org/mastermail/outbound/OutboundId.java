package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies one outbound message (draft, queued, sent…). */
public record OutboundId(UUID value) {
  public OutboundId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static OutboundId random() {
    return new OutboundId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static OutboundId of(String text) {
    requireNonNull(text, "text");
    try {
      return new OutboundId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid OutboundId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
