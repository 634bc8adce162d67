package org.mastermail;

import static java.util.Objects.requireNonNull;

import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Who is acting: a user of a tenant. Passed as the last argument of every triage and admin call; the engine resolves
 * the user's roles, memberships, delegations and grants from storage on each call, so there is no ambient user.
 */
public record Actor(TenantId tenant, UserId user) {
  public Actor {
    requireNonNull(tenant, "tenant");
    requireNonNull(user, "user");
  }

  public static Actor of(TenantId tenant, UserId user) {
    return new Actor(tenant, user);
  }
}
