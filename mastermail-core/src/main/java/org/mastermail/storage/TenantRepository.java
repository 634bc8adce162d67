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

  /**
   * A number that grows whenever anything that decides access in the tenant changes (users, roles, grants, mailboxes,
   * members, delegations); engines cache resolved access against it, so every node sees a change at its next call.
   * An unknown tenant has revision 0.
   */
  long accessRevision(TenantId tenant);

  /** Increments the tenant's {@linkplain #accessRevision access revision} in this transaction. */
  void bumpAccessRevision(TenantId tenant);
}
