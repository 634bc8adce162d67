package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.mastermail.storage.StateRepository;
import org.mastermail.tenant.TenantId;

final class JdbcStateRepository implements StateRepository {
  private final Handle handle;

  JdbcStateRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public long increment(TenantId tenant, String name) {
    requireNonNull(tenant, "tenant");
    // the row lock of the UPDATE makes concurrent increments wait for each other
    int updated = handle.createUpdate("UPDATE counters SET current_value = current_value + 1 WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", name).execute();
    if (updated == 0) {
      // a concurrent first increment fails on the key: its transaction retries and then finds the row
      SqlErrors.idWrite(() -> "counter " + name + " was created meanwhile", () -> handle.createUpdate(
              "INSERT INTO counters (tenant_id, name, current_value) VALUES (:tenant, :name, 1)")
          .bind("tenant", tenant.value()).bind("name", name).execute());
      return 1;
    }
    return handle.createQuery("SELECT current_value FROM counters WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", name).mapTo(Long.class).one();
  }

  @Override
  public Optional<Instant> stamp(TenantId tenant, String key) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT stamped_at FROM stamps WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", key)
        .map((rs, ctx) -> Rows.instant(rs, "stamped_at")).findOne();
  }

  @Override
  public void stamp(TenantId tenant, String key, Instant at) {
    requireNonNull(tenant, "tenant");
    int updated = handle.createUpdate("UPDATE stamps SET stamped_at = :at WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", key).bind("at", at).execute();
    if (updated == 0) {
      SqlErrors.idWrite(() -> "stamp " + key + " was created meanwhile", () -> handle.createUpdate(
              "INSERT INTO stamps (tenant_id, name, stamped_at) VALUES (:tenant, :name, :at)")
          .bind("tenant", tenant.value()).bind("name", key).bind("at", at).execute());
    }
  }
}
