package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies one message template of a mailbox. */
public record TemplateId(UUID value) {
  public TemplateId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static TemplateId random() {
    return new TemplateId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static TemplateId of(String text) {
    requireNonNull(text, "text");
    try {
      return new TemplateId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid TemplateId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
