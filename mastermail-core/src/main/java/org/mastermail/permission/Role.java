package org.mastermail.permission;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;
import org.mastermail.tenant.TenantId;

/** A named bundle of permissions of a tenant. Users hold one tenant-wide role and one per mailbox membership. */
public record Role(TenantId tenant, String name, Set<Permission> permissions) {
  public static final String ADMIN = "admin";
  public static final String MANAGER = "manager";
  public static final String MEMBER = "member";

  public Role {
    requireNonNull(tenant, "tenant");
    requireNonNull(name, "name");
    permissions = Set.copyOf(requireNonNull(permissions, "permissions"));
  }

  /** Permissions of the seeded {@code admin} role: everything. */
  public static Set<Permission> adminPermissions() {
    return EnumSet.allOf(Permission.class);
  }

  /** Permissions of the seeded {@code manager} role: distribute and oversee work. */
  public static Set<Permission> managerPermissions() {
    return EnumSet.of(Permission.VIEW_ALL, Permission.TAKE, Permission.ASSIGN, Permission.REASSIGN,
        Permission.SET_STATUS, Permission.SEND_AS, Permission.VIEW_REPORTS, Permission.DELEGATE);
  }

  /** Permissions of the seeded {@code member} role: take and work one's own conversations. */
  public static Set<Permission> memberPermissions() {
    return EnumSet.of(Permission.TAKE, Permission.SET_STATUS, Permission.SEND_AS, Permission.DELEGATE);
  }
}
