package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusId;
import org.mastermail.storage.PermissionRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

final class JdbcPermissionRepository implements PermissionRepository {
  private final Handle handle;

  JdbcPermissionRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void putRole(Role role) {
    requireNonNull(role, "role");
    boolean exists = handle.createQuery("SELECT COUNT(*) FROM roles WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", role.tenant().value())
        .bind("name", role.name())
        .mapTo(Long.class)
        .one() > 0;
    if (exists) {
      handle.createUpdate("DELETE FROM role_permissions WHERE tenant_id = :tenant AND role_name = :name")
          .bind("tenant", role.tenant().value())
          .bind("name", role.name())
          .execute();
    } else {
      handle.createUpdate("INSERT INTO roles (tenant_id, name) VALUES (:tenant, :name)")
          .bind("tenant", role.tenant().value())
          .bind("name", role.name())
          .execute();
    }
    if (role.permissions().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(
        "INSERT INTO role_permissions (tenant_id, role_name, permission) VALUES (:tenant, :name, :permission)");
    for (Permission permission : role.permissions()) {
      batch.bind("tenant", role.tenant().value()).bind("name", role.name()).bind("permission", permission.name()).add();
    }
    batch.execute();
  }

  @Override
  public Optional<Role> findRole(TenantId tenant, String name) {
    requireNonNull(tenant, "tenant");
    requireNonNull(name, "name");
    return loadRoles(tenant, name).stream().findFirst();
  }

  @Override
  public List<Role> roles(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Role> all = loadRoles(tenant, null);
    // sorted here, not in SQL, so the order does not depend on the database's collation
    all.sort(Comparator.comparing(Role::name));
    return all;
  }

  @Override
  public void insertGrant(Grant grant) {
    requireNonNull(grant, "grant");
    SqlErrors.idWrite(() -> "grant " + grant.id() + " already exists in tenant " + grant.tenant(),
        () -> handle.createUpdate("INSERT INTO grants (tenant_id, id, user_id, mailbox_id, permission, effect) "
                + "VALUES (:tenant, :id, :user, :mailbox, :permission, :effect)")
            .bind("tenant", grant.tenant().value())
            .bind("id", grant.id().value())
            .bind("user", grant.user().value())
            .bindByType("mailbox", grant.mailbox() == null ? null : grant.mailbox().value(), UUID.class)
            .bind("permission", grant.permission().name())
            .bind("effect", grant.effect().name())
            .execute());
    if (grant.statuses().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(
        "INSERT INTO grant_statuses (tenant_id, grant_id, status_id) VALUES (:tenant, :grant, :status)");
    for (StatusId status : grant.statuses()) {
      batch.bind("tenant", grant.tenant().value()).bind("grant", grant.id().value()).bind("status", status.value())
          .add();
    }
    batch.execute();
  }

  @Override
  public boolean deleteGrant(TenantId tenant, GrantId id) {
    // its statuses go with it (ON DELETE CASCADE)
    return handle.createUpdate("DELETE FROM grants WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .execute() > 0;
  }

  @Override
  public List<Grant> grantsOf(TenantId tenant, UserId user) {
    requireNonNull(tenant, "tenant");
    requireNonNull(user, "user");
    List<GrantRow> rows = handle.createQuery("SELECT g.id, g.mailbox_id, g.permission, g.effect, s.status_id "
            + "FROM grants g LEFT JOIN grant_statuses s ON s.tenant_id = g.tenant_id AND s.grant_id = g.id "
            + "WHERE g.tenant_id = :tenant AND g.user_id = :user ORDER BY g.id")
        .bind("tenant", tenant.value())
        .bind("user", user.value())
        .map((rs, ctx) -> new GrantRow(Rows.uuid(rs, "id"), Rows.nullableUuid(rs, "mailbox_id"),
            Permission.valueOf(Rows.string(rs, "permission")), Effect.valueOf(Rows.string(rs, "effect")),
            Rows.nullableUuid(rs, "status_id")))
        .list();
    Map<UUID, GrantRow> first = new LinkedHashMap<>();
    Map<UUID, Set<StatusId>> statuses = new HashMap<>();
    for (GrantRow row : rows) {
      first.putIfAbsent(row.id(), row);
      Set<StatusId> set = statuses.computeIfAbsent(row.id(), k -> new HashSet<>());
      if (row.status() != null) {
        set.add(new StatusId(row.status()));
      }
    }
    List<Grant> grants = new ArrayList<>(first.size());
    for (GrantRow row : first.values()) {
      MailboxId mailbox = row.mailbox() == null ? null : new MailboxId(row.mailbox());
      grants.add(new Grant(tenant, new GrantId(row.id()), user, mailbox, row.permission(), row.effect(),
          statuses.get(row.id())));
    }
    return grants;
  }

  private record GrantRow(UUID id, @Nullable UUID mailbox, Permission permission, Effect effect,
      @Nullable UUID status) {}

  private record RoleRow(String name, @Nullable String permission) {}

  private List<Role> loadRoles(TenantId tenant, @Nullable String name) {
    Query query = handle.createQuery("SELECT r.name, p.permission FROM roles r LEFT JOIN role_permissions p "
            + "ON p.tenant_id = r.tenant_id AND p.role_name = r.name WHERE r.tenant_id = :tenant"
            + (name == null ? "" : " AND r.name = :name"))
        .bind("tenant", tenant.value());
    if (name != null) {
      query.bind("name", name);
    }
    Map<String, Set<Permission>> permissions = new LinkedHashMap<>();
    List<RoleRow> rows = query.map((rs, ctx) -> new RoleRow(Rows.string(rs, "name"), rs.getString("permission")))
        .list();
    for (RoleRow row : rows) {
      Set<Permission> set = permissions.computeIfAbsent(row.name(), k -> EnumSet.noneOf(Permission.class));
      if (row.permission() != null) {
        set.add(Permission.valueOf(row.permission()));
      }
    }
    List<Role> roles = new ArrayList<>(permissions.size());
    permissions.forEach((roleName, set) -> roles.add(new Role(tenant, roleName, set)));
    return roles;
  }
}
