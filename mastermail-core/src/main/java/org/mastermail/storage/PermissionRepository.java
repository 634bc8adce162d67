package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Role;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Roles and per-user grants and denials. */
public interface PermissionRepository {
  /** Inserts the role or replaces its permissions. */
  void putRole(Role role);

  Optional<Role> findRole(TenantId tenant, String name);

  /** All roles of the tenant by name. */
  List<Role> roles(TenantId tenant);

  void insertGrant(Grant grant);

  /** Returns whether a grant was removed. */
  boolean deleteGrant(TenantId tenant, GrantId id);

  /** Grants and denials of one user. */
  List<Grant> grantsOf(TenantId tenant, UserId user);
}
