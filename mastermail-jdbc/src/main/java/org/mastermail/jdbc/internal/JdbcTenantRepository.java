package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.mastermail.NotFoundException;
import org.mastermail.storage.TenantRepository;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;

final class JdbcTenantRepository implements TenantRepository {
  private final Handle handle;

  JdbcTenantRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Tenant tenant) {
    requireNonNull(tenant, "tenant");
    SqlErrors.idWrite(() -> "tenant " + tenant.id() + " already exists", () -> handle
        .createUpdate("INSERT INTO tenants (tenant_id, name, created_at) VALUES (:id, :name, :createdAt)")
        .bind("id", tenant.id().value())
        .bind("name", tenant.name())
        .bind("createdAt", tenant.createdAt())
        .execute());
  }

  @Override
  public void update(Tenant tenant) {
    requireNonNull(tenant, "tenant");
    int rows = handle.createUpdate("UPDATE tenants SET name = :name WHERE tenant_id = :id")
        .bind("id", tenant.id().value())
        .bind("name", tenant.name())
        .execute();
    if (rows == 0) {
      throw new NotFoundException("tenant " + tenant.id() + " does not exist");
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    requireNonNull(id, "id");
    return handle.createQuery("SELECT tenant_id, name, created_at FROM tenants WHERE tenant_id = :id")
        .bind("id", id.value())
        .map(JdbcTenantRepository::map)
        .findOne();
  }

  @Override
  public List<Tenant> list() {
    List<Tenant> all = handle.createQuery("SELECT tenant_id, name, created_at FROM tenants")
        .map(JdbcTenantRepository::map)
        .list();
    // sorted here, not in SQL, so the order does not depend on the database's collation
    all.sort(Comparator.comparing(Tenant::name).thenComparing(t -> t.id().value(), Uuids.UNSIGNED));
    return all;
  }

  @Override
  public long accessRevision(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT access_revision FROM tenants WHERE tenant_id = :id")
        .bind("id", tenant.value())
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  @Override
  public void bumpAccessRevision(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    handle.createUpdate("UPDATE tenants SET access_revision = access_revision + 1 WHERE tenant_id = :id")
        .bind("id", tenant.value())
        .execute();
  }

  private static Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Tenant(new TenantId(Rows.uuid(rs, "tenant_id")), Rows.string(rs, "name"),
        Rows.instant(rs, "created_at"));
  }
}
