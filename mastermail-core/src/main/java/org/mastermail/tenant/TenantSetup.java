package org.mastermail.tenant;

import static java.util.Objects.requireNonNull;

import org.mastermail.Actor;

/** The result of creating a tenant: the tenant and its first administrator, ready to act. */
public record TenantSetup(Tenant tenant, User admin) {
  public TenantSetup {
    requireNonNull(tenant, "tenant");
    requireNonNull(admin, "admin");
  }

  /** The first administrator as an {@link Actor}. */
  public Actor adminActor() {
    return Actor.of(tenant.id(), admin.id());
  }
}
