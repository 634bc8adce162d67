package org.mastermail.secret;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What may be shown about a stored secret: its name, the key that encrypted it and when it was set — never its value. */
public record SecretInfo(String name, String keyId, Instant updatedAt) {
  public SecretInfo {
    requireNonNull(name, "name");
    requireNonNull(keyId, "keyId");
    requireNonNull(updatedAt, "updatedAt");
  }
}
