package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mastermail.NotFoundException;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.StatusRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryStatuses implements StatusRepository {
  private final MemorySession tx;

  MemoryStatuses(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Status status) {
    requireNonNull(status, "status");
    Scoped<StatusId> key = new Scoped<>(status.tenant(), status.id());
    if (tx.statuses.contains(key)) {
      throw new DuplicateKeyException("status " + status.id() + " already exists", null);
    }
    checkNameFree(status);
    tx.statuses.put(key, status);
  }

  @Override
  public void update(Status status) {
    requireNonNull(status, "status");
    Scoped<StatusId> key = new Scoped<>(status.tenant(), status.id());
    if (!tx.statuses.contains(key)) {
      throw new NotFoundException("status " + status.id() + " does not exist");
    }
    checkNameFree(status);
    tx.statuses.put(key, status);
  }

  @Override
  public void delete(TenantId tenant, StatusId id) {
    requireNonNull(id, "id");
    if (!tx.statuses.remove(new Scoped<>(tenant, id))) {
      return;
    }
    for (Status other : tx.statuses.select(s -> s.tenant().equals(tenant) && s.allowedNext().contains(id))) {
      Set<StatusId> next = new HashSet<>(other.allowedNext());
      next.remove(id);
      tx.statuses.put(new Scoped<>(tenant, other.id()), other.withAllowedNext(next));
    }
  }

  @Override
  public Optional<Status> find(TenantId tenant, StatusId id) {
    return tx.statuses.get(new Scoped<>(tenant, id));
  }

  @Override
  public List<Status> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Status> all = tx.statuses.select(s -> s.tenant().equals(tenant));
    all.sort(Comparator.comparingInt(Status::position).thenComparing(Status::name));
    return all;
  }

  private void checkNameFree(Status status) {
    boolean taken = tx.statuses.any(other -> other.tenant().equals(status.tenant())
        && !other.id().equals(status.id()) && other.name().equals(status.name()));
    if (taken) {
      throw new DuplicateKeyException("the status name '" + status.name() + "' is already taken in tenant "
          + status.tenant(), null);
    }
  }
}
