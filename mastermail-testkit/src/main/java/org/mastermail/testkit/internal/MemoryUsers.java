package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mastermail.NotFoundException;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.UserRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryUsers implements UserRepository {
  private final MemorySession tx;

  MemoryUsers(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(User user) {
    requireNonNull(user, "user");
    Scoped<UserId> key = new Scoped<>(user.tenant(), user.id());
    if (tx.users.contains(key)) {
      throw new DuplicateKeyException("user " + user.id() + " already exists", null);
    }
    checkEmailFree(user);
    tx.users.put(key, user);
  }

  @Override
  public void update(User user) {
    requireNonNull(user, "user");
    Scoped<UserId> key = new Scoped<>(user.tenant(), user.id());
    if (!tx.users.contains(key)) {
      throw new NotFoundException("user " + user.id() + " does not exist");
    }
    checkEmailFree(user);
    tx.users.put(key, user);
  }

  @Override
  public Optional<User> find(TenantId tenant, UserId id) {
    return tx.users.get(new Scoped<>(tenant, id));
  }

  @Override
  public Optional<User> findByEmail(TenantId tenant, String email) {
    requireNonNull(tenant, "tenant");
    String wanted = lower(email);
    return tx.users.select(u -> u.tenant().equals(tenant) && lower(u.email()).equals(wanted)).stream().findFirst();
  }

  @Override
  public List<User> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<User> all = tx.users.select(u -> u.tenant().equals(tenant));
    all.sort(Comparator.comparing(User::displayName).thenComparing(u -> lower(u.email())));
    return all;
  }

  private void checkEmailFree(User user) {
    String email = lower(user.email());
    boolean taken = tx.users.any(other -> other.tenant().equals(user.tenant()) && !other.id().equals(user.id())
        && lower(other.email()).equals(email));
    if (taken) {
      throw new DuplicateKeyException("the email '" + email + "' is already taken by another user of tenant "
          + user.tenant(), null);
    }
  }

  private static String lower(String email) {
    return requireNonNull(email, "email").toLowerCase(Locale.ROOT);
  }
}
