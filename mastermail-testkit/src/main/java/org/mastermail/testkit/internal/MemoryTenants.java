package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mastermail.NotFoundException;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.TenantRepository;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;

final class MemoryTenants implements TenantRepository {
  private final MemorySession tx;

  MemoryTenants(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Tenant tenant) {
    requireNonNull(tenant, "tenant");
    if (tx.tenants.contains(tenant.id())) {
      throw new DuplicateKeyException("tenant " + tenant.id() + " already exists", null);
    }
    tx.tenants.put(tenant.id(), tenant);
  }

  @Override
  public void update(Tenant tenant) {
    requireNonNull(tenant, "tenant");
    if (!tx.tenants.contains(tenant.id())) {
      throw new NotFoundException("tenant " + tenant.id() + " does not exist");
    }
    tx.tenants.put(tenant.id(), tenant);
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return tx.tenants.get(requireNonNull(id, "id"));
  }

  @Override
  public List<Tenant> list() {
    List<Tenant> all = tx.tenants.select(t -> true);
    all.sort(Comparator.comparing(Tenant::name).thenComparing(t -> t.id().value(), Keys.UNSIGNED));
    return all;
  }

  @Override
  public long accessRevision(TenantId tenant) {
    return tx.accessRevisions.get(requireNonNull(tenant, "tenant")).orElse(0L);
  }

  @Override
  public void bumpAccessRevision(TenantId tenant) {
    if (tx.tenants.contains(requireNonNull(tenant, "tenant"))) {
      tx.accessRevisions.put(tenant, accessRevision(tenant) + 1);
    }
  }
}
