package org.mastermail.tenant;

import static java.util.Objects.requireNonNull;

/**
 * A person working in a tenant. {@code role} names the tenant-wide {@link org.mastermail.permission.Role}; mailbox
 * memberships may add more. An inactive user keeps their history but can do nothing and is offered to no one.
 */
public record User(TenantId tenant, UserId id, String email, String displayName, String role, boolean active) {
  public User {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(email, "email");
    requireNonNull(displayName, "displayName");
    requireNonNull(role, "role");
  }

  public User withRole(String newRole) {
    return new User(tenant, id, email, displayName, newRole, active);
  }

  public User withActive(boolean isActive) {
    return new User(tenant, id, email, displayName, role, isActive);
  }

  public User withDisplayName(String name) {
    return new User(tenant, id, email, name, role, active);
  }
}
