package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.message.MessageId;
import org.mastermail.storage.SourceRepository;
import org.mastermail.tenant.TenantId;

final class JdbcSourceRepository implements SourceRepository {
  private final Handle handle;

  JdbcSourceRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public FolderState folder(TenantId tenant, SourceId source, String folder) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT uid_validity, last_uid, acknowledged_uid, halted_reason FROM source_folders "
            + "WHERE tenant_id = :tenant AND source_id = :source AND folder = :folder")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("folder", folder)
        .map((rs, ctx) -> new FolderState(source, folder, rs.getLong("uid_validity"), rs.getLong("last_uid"),
            rs.getLong("acknowledged_uid"), rs.getString("halted_reason")))
        .findOne()
        .orElse(FolderState.fresh(source, folder));
  }

  @Override
  public void saveFolder(TenantId tenant, FolderState state) {
    requireNonNull(tenant, "tenant");
    requireNonNull(state, "state");
    int updated = bindState(handle.createUpdate("UPDATE source_folders SET uid_validity = :validity, "
        + "last_uid = :last, acknowledged_uid = :acked, halted_reason = :halted "
        + "WHERE tenant_id = :tenant AND source_id = :source AND folder = :folder"), tenant, state).execute();
    if (updated == 0) {
      SqlErrors.idWrite(() -> "folder " + state.folder() + " of source " + state.source() + " was created meanwhile",
          () -> bindState(handle.createUpdate("INSERT INTO source_folders (tenant_id, source_id, folder, "
              + "uid_validity, last_uid, acknowledged_uid, halted_reason) VALUES (:tenant, :source, :folder, "
              + ":validity, :last, :acked, :halted)"), tenant, state).execute());
    }
  }

  private static org.jdbi.v3.core.statement.Update bindState(org.jdbi.v3.core.statement.Update update,
      TenantId tenant, FolderState state) {
    return update.bind("tenant", tenant.value()).bind("source", state.source().value())
        .bind("folder", state.folder()).bind("validity", state.uidValidity()).bind("last", state.lastUid())
        .bind("acked", state.acknowledgedUid()).bindByType("halted", state.haltedReason(), String.class);
  }

  @Override
  public void advance(TenantId tenant, SourceId source, String folder, long uidValidity, long uid) {
    requireNonNull(tenant, "tenant");
    handle.createUpdate("UPDATE source_folders SET last_uid = :uid WHERE tenant_id = :tenant AND source_id = :source "
            + "AND folder = :folder AND uid_validity = :validity AND last_uid < :uid")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("folder", folder)
        .bind("validity", uidValidity).bind("uid", uid).execute();
  }

  @Override
  public void acknowledge(TenantId tenant, SourceId source, String folder, long uid) {
    requireNonNull(tenant, "tenant");
    handle.createUpdate("UPDATE source_folders SET acknowledged_uid = :uid WHERE tenant_id = :tenant "
            + "AND source_id = :source AND folder = :folder AND acknowledged_uid < :uid")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("folder", folder).bind("uid", uid)
        .execute();
  }

  @Override
  public boolean known(TenantId tenant, SourceId source, String folder, String key) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT COUNT(*) FROM source_items WHERE tenant_id = :tenant AND source_id = :source "
            + "AND folder = :folder AND item_key = :key")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("folder", folder).bind("key", key)
        .mapTo(Long.class).one() > 0;
  }

  @Override
  public void record(TenantId tenant, SourceItem item, @Nullable MessageId message) {
    requireNonNull(tenant, "tenant");
    requireNonNull(item, "item");
    SqlErrors.idWrite(() -> "item " + item.key() + " of " + item.source() + "/" + item.folder() + " was recorded before",
        () -> handle.createUpdate("INSERT INTO source_items (tenant_id, source_id, folder, item_key, message_id) "
                + "VALUES (:tenant, :source, :folder, :key, :message)")
            .bind("tenant", tenant.value()).bind("source", item.source().value()).bind("folder", item.folder())
            .bind("key", item.key()).bindByType("message", message == null ? null : message.value(), UUID.class)
            .execute());
  }

  @Override
  public boolean lease(TenantId tenant, SourceId source, String holder, Instant now, Instant until) {
    requireNonNull(tenant, "tenant");
    int taken = handle.createUpdate("UPDATE source_leases SET holder = :holder, expires_at = :until "
            + "WHERE tenant_id = :tenant AND source_id = :source AND (holder = :holder OR expires_at <= :now)")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("holder", holder)
        .bind("until", until).bind("now", now).execute();
    if (taken > 0) {
      return true;
    }
    boolean exists = handle.createQuery("SELECT COUNT(*) FROM source_leases WHERE tenant_id = :tenant "
            + "AND source_id = :source").bind("tenant", tenant.value()).bind("source", source.value())
        .mapTo(Long.class).one() > 0;
    if (exists) {
      return false;
    }
    // a node inserting the same lease at the same moment fails on the key: it did not get the lease
    SqlErrors.idWrite(() -> "the lease of source " + source + " was taken meanwhile",
        () -> handle.createUpdate("INSERT INTO source_leases (tenant_id, source_id, holder, expires_at) "
                + "VALUES (:tenant, :source, :holder, :until)")
            .bind("tenant", tenant.value()).bind("source", source.value()).bind("holder", holder)
            .bind("until", until).execute());
    return true;
  }

  @Override
  public void release(TenantId tenant, SourceId source, String holder) {
    requireNonNull(tenant, "tenant");
    handle.createUpdate("DELETE FROM source_leases WHERE tenant_id = :tenant AND source_id = :source "
            + "AND holder = :holder")
        .bind("tenant", tenant.value()).bind("source", source.value()).bind("holder", holder).execute();
  }
}
