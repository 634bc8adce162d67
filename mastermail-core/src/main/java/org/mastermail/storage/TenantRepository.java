package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;

public interface TenantRepository {
  void insert(Tenant tenant);

  void update(Tenant tenant);

  Optional<Tenant> find(TenantId id);

  /** All tenants, by name. */
  List<Tenant> list();
}
