package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies an internal note on a conversation. */
public record NoteId(UUID value) {
  public NoteId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static NoteId random() {
    return new NoteId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static NoteId of(String text) {
    requireNonNull(text, "text");
    try {
      return new NoteId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid NoteId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
