package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Role;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.PermissionRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryPermissions implements PermissionRepository {
  private final MemorySession tx;

  MemoryPermissions(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void putRole(Role role) {
    requireNonNull(role, "role");
    tx.roles.put(new Scoped<>(role.tenant(), role.name()), role);
  }

  @Override
  public Optional<Role> findRole(TenantId tenant, String name) {
    return tx.roles.get(new Scoped<>(tenant, name));
  }

  @Override
  public List<Role> roles(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Role> all = tx.roles.select(r -> r.tenant().equals(tenant));
    all.sort(Comparator.comparing(Role::name));
    return all;
  }

  @Override
  public void insertGrant(Grant grant) {
    requireNonNull(grant, "grant");
    Scoped<GrantId> key = new Scoped<>(grant.tenant(), grant.id());
    if (tx.grants.contains(key)) {
      throw new DuplicateKeyException("grant " + grant.id() + " already exists", null);
    }
    tx.grants.put(key, grant);
  }

  @Override
  public boolean deleteGrant(TenantId tenant, GrantId id) {
    return tx.grants.remove(new Scoped<>(tenant, id));
  }

  @Override
  public List<Grant> grantsOf(TenantId tenant, UserId user) {
    requireNonNull(user, "user");
    return tx.grants.select(g -> g.tenant().equals(tenant) && g.user().equals(user));
  }
}
