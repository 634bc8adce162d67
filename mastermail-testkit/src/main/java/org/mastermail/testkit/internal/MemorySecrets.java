package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mastermail.storage.SecretRepository;
import org.mastermail.storage.StoredSecret;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemorySecrets implements SecretRepository {
  private final MemorySession s;

  MemorySecrets(MemorySession session) {
    this.s = session;
  }

  @Override
  public void save(StoredSecret secret) {
    requireNonNull(secret, "secret");
    s.secrets.put(new Scoped<>(secret.tenant(), secret.name()), secret);
  }

  @Override
  public Optional<StoredSecret> find(TenantId tenant, String name) {
    return s.secrets.get(new Scoped<>(tenant, name));
  }

  @Override
  public List<StoredSecret> list(TenantId tenant) {
    return s.secrets.select(x -> x.tenant().equals(tenant)).stream()
        .sorted(Comparator.comparing(StoredSecret::name)).toList();
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    return s.secrets.remove(new Scoped<>(tenant, name));
  }
}
