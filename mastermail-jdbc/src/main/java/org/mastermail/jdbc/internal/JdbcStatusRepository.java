package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.mastermail.NotFoundException;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.storage.StatusRepository;
import org.mastermail.tenant.TenantId;

final class JdbcStatusRepository implements StatusRepository {
  private final Handle handle;

  JdbcStatusRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Status status) {
    requireNonNull(status, "status");
    write(status, "INSERT INTO statuses (tenant_id, id, name, category, list_position) "
        + "VALUES (:tenant, :id, :name, :category, :position)");
    insertTransitions(status);
  }

  @Override
  public void update(Status status) {
    requireNonNull(status, "status");
    int rows = write(status, "UPDATE statuses SET name = :name, category = :category, list_position = :position "
        + "WHERE tenant_id = :tenant AND id = :id");
    if (rows == 0) {
      throw new NotFoundException("status " + status.id() + " does not exist in tenant " + status.tenant());
    }
    handle.createUpdate("DELETE FROM status_transitions WHERE tenant_id = :tenant AND status_id = :id")
        .bind("tenant", status.tenant().value())
        .bind("id", status.id().value())
        .execute();
    insertTransitions(status);
  }

  @Override
  public void delete(TenantId tenant, StatusId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    handle.createUpdate("DELETE FROM status_transitions WHERE tenant_id = :tenant AND next_status_id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .execute();
    // its own transitions go with it (ON DELETE CASCADE)
    handle.createUpdate("DELETE FROM statuses WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .execute();
  }

  @Override
  public Optional<Status> find(TenantId tenant, StatusId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return load(tenant, " AND s.id = :id", id.value()).stream().findFirst();
  }

  @Override
  public List<Status> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Status> all = load(tenant, "", null);
    // sorted here, not in SQL, so the order of equal positions does not depend on the database's collation
    all.sort(Comparator.comparingInt(Status::position).thenComparing(Status::name));
    return all;
  }

  /** Statuses with their transitions, in one query: one row per transition, or one with NULL when there is none. */
  private List<Status> load(TenantId tenant, String condition, @Nullable UUID id) {
    Query query = handle.createQuery("SELECT s.id, s.name, s.category, s.list_position, t.next_status_id "
            + "FROM statuses s LEFT JOIN status_transitions t ON t.tenant_id = s.tenant_id AND t.status_id = s.id "
            + "WHERE s.tenant_id = :tenant" + condition)
        .bind("tenant", tenant.value());
    if (id != null) {
      query.bind("id", id);
    }
    List<Row> rows = query.map((rs, ctx) -> new Row(Rows.uuid(rs, "id"), Rows.string(rs, "name"),
        StatusCategory.valueOf(Rows.string(rs, "category")), rs.getInt("list_position"),
        Rows.nullableUuid(rs, "next_status_id"))).list();
    Map<UUID, Row> first = new LinkedHashMap<>();
    Map<UUID, Set<StatusId>> next = new HashMap<>();
    for (Row row : rows) {
      first.putIfAbsent(row.id(), row);
      Set<StatusId> allowed = next.computeIfAbsent(row.id(), k -> new HashSet<>());
      if (row.next() != null) {
        allowed.add(new StatusId(row.next()));
      }
    }
    List<Status> statuses = new ArrayList<>(first.size());
    for (Row row : first.values()) {
      statuses.add(new Status(tenant, new StatusId(row.id()), row.name(), row.category(), row.position(),
          next.get(row.id())));
    }
    return statuses;
  }

  private record Row(UUID id, String name, StatusCategory category, int position, @Nullable UUID next) {}

  private int write(Status status, String sql) {
    return SqlErrors.uniqueWrite(handle, "statuses_name_uq",
        () -> "status name '" + status.name() + "' already exists in tenant " + status.tenant(),
        () -> "status " + status.id() + " already exists in tenant " + status.tenant(),
        () -> handle.createUpdate(sql)
            .bind("tenant", status.tenant().value())
            .bind("id", status.id().value())
            .bind("name", status.name())
            .bind("category", status.category().name())
            .bind("position", status.position())
            .execute());
  }

  private void insertTransitions(Status status) {
    if (status.allowedNext().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("INSERT INTO status_transitions (tenant_id, status_id, next_status_id) "
        + "VALUES (:tenant, :id, :next)");
    for (StatusId next : status.allowedNext()) {
      batch.bind("tenant", status.tenant().value())
          .bind("id", status.id().value())
          .bind("next", next.value())
          .add();
    }
    batch.execute();
  }
}
