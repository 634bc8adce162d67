package org.mastermail.permission;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a per-user grant or denial. */
public record GrantId(UUID value) {
  public GrantId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static GrantId random() {
    return new GrantId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static GrantId of(String text) {
    requireNonNull(text, "text");
    try {
      return new GrantId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid GrantId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
