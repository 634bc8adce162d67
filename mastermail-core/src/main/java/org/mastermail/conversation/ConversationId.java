package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a conversation (a thread of messages and notes). */
public record ConversationId(UUID value) {
  public ConversationId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static ConversationId random() {
    return new ConversationId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static ConversationId of(String text) {
    requireNonNull(text, "text");
    try {
      return new ConversationId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid ConversationId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
