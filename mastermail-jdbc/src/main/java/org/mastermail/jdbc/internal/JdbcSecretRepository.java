package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.mastermail.storage.SecretRepository;
import org.mastermail.storage.StoredSecret;
import org.mastermail.tenant.TenantId;

final class JdbcSecretRepository implements SecretRepository {
  private static final String COLUMNS = "tenant_id, name, key_id, nonce, ciphertext, updated_at";

  private final Handle handle;

  JdbcSecretRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void save(StoredSecret secret) {
    requireNonNull(secret, "secret");
    int updated = handle.createUpdate("UPDATE secrets SET key_id = :key, nonce = :nonce, ciphertext = :cipher, "
            + "updated_at = :at WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", secret.tenant().value()).bind("name", secret.name()).bind("key", secret.keyId())
        .bind("nonce", secret.nonce()).bind("cipher", secret.ciphertext()).bind("at", secret.updatedAt()).execute();
    if (updated == 0) {
      SqlErrors.idWrite(() -> "secret " + secret.name() + " was created meanwhile", () -> handle.createUpdate(
              "INSERT INTO secrets (" + COLUMNS + ") VALUES (:tenant, :name, :key, :nonce, :cipher, :at)")
          .bind("tenant", secret.tenant().value()).bind("name", secret.name()).bind("key", secret.keyId())
          .bind("nonce", secret.nonce()).bind("cipher", secret.ciphertext()).bind("at", secret.updatedAt())
          .execute());
    }
  }

  @Override
  public Optional<StoredSecret> find(TenantId tenant, String name) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT " + COLUMNS + " FROM secrets WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", name).map((rs, ctx) -> map(rs)).findOne();
  }

  @Override
  public List<StoredSecret> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT " + COLUMNS + " FROM secrets WHERE tenant_id = :tenant ORDER BY name")
        .bind("tenant", tenant.value()).map((rs, ctx) -> map(rs)).list();
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    requireNonNull(tenant, "tenant");
    return handle.createUpdate("DELETE FROM secrets WHERE tenant_id = :tenant AND name = :name")
        .bind("tenant", tenant.value()).bind("name", name).execute() > 0;
  }

  private static StoredSecret map(ResultSet rs) throws SQLException {
    return new StoredSecret(new TenantId(Rows.uuid(rs, "tenant_id")), rs.getString("name"), rs.getString("key_id"),
        rs.getBytes("nonce"), rs.getBytes("ciphertext"), Rows.instant(rs, "updated_at"));
  }
}
