package org.mastermail.tenant;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.mastermail.InvalidInputException;

/** Identifies a tenant: one organisation or office; every stored row belongs to exactly one. */
public record TenantId(UUID value) {
  public TenantId {
    requireNonNull(value, "value");
  }

  /** A new random id. */
  public static TenantId random() {
    return new TenantId(UUID.randomUUID());
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static TenantId of(String text) {
    requireNonNull(text, "text");
    try {
      return new TenantId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a valid TenantId: '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
