package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

public interface UserRepository {
  /** Inserts a user; throws {@link DuplicateKeyException} when the email (lower-case) is taken in the tenant. */
  void insert(User user);

  void update(User user);

  Optional<User> find(TenantId tenant, UserId id);

  Optional<User> findByEmail(TenantId tenant, String email);

  /** All users of the tenant, by display name. */
  List<User> list(TenantId tenant);
}
