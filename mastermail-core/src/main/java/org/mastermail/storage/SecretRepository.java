package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.tenant.TenantId;

/** Encrypted secrets by tenant and name (at most 200 characters). */
public interface SecretRepository {
  /** Inserts or replaces the secret with its name. */
  void save(StoredSecret secret);

  Optional<StoredSecret> find(TenantId tenant, String name);

  /** The tenant's secrets by name. */
  List<StoredSecret> list(TenantId tenant);

  /** Returns whether a secret was deleted. */
  boolean delete(TenantId tenant, String name);
}
