package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;

/** The tenant's status list, allowed transitions included. */
public interface StatusRepository {
  /** Inserts a status; throws {@link DuplicateKeyException} when its name is taken in the tenant. */
  void insert(Status status);

  /** Replaces name, category, position and allowed transitions. */
  void update(Status status);

  /** Deletes a status and removes it from every other status's allowed transitions. */
  void delete(TenantId tenant, StatusId id);

  Optional<Status> find(TenantId tenant, StatusId id);

  /** All statuses of the tenant ordered by position. */
  List<Status> list(TenantId tenant);
}
