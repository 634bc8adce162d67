package org.mastermail.mailbox;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a mailbox (an address the office works from). */
public record MailboxId(UUID value) {
  public MailboxId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static MailboxId random() {
    return new MailboxId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static MailboxId of(String text) {
    requireNonNull(text, "text");
    try {
      return new MailboxId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid MailboxId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
