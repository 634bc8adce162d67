package org.mastermail.tenant;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One organisation or office. Nothing of one tenant is ever visible to another. */
public record Tenant(TenantId id, String name, Instant createdAt) {
  public Tenant {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(createdAt, "createdAt");
  }

  public Tenant withName(String newName) {
    return new Tenant(id, newName, createdAt);
  }
}
