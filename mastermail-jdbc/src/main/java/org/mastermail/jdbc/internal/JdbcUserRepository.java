package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.mastermail.NotFoundException;
import org.mastermail.storage.UserRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

final class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS = "tenant_id, id, email, display_name, role_name, active";

  private final Handle handle;

  JdbcUserRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(User user) {
    requireNonNull(user, "user");
    write(user, "INSERT INTO users (tenant_id, id, email, email_key, display_name, role_name, active) "
        + "VALUES (:tenant, :id, :email, :emailKey, :displayName, :role, :active)");
  }

  @Override
  public void update(User user) {
    requireNonNull(user, "user");
    int rows = write(user, "UPDATE users SET email = :email, email_key = :emailKey, display_name = :displayName, "
        + "role_name = :role, active = :active WHERE tenant_id = :tenant AND id = :id");
    if (rows == 0) {
      throw new NotFoundException("user " + user.id() + " does not exist in tenant " + user.tenant());
    }
  }

  @Override
  public Optional<User> find(TenantId tenant, UserId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map(JdbcUserRepository::map)
        .findOne();
  }

  @Override
  public Optional<User> findByEmail(TenantId tenant, String email) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant AND email_key = :emailKey")
        .bind("tenant", tenant.value())
        .bind("emailKey", key(requireNonNull(email, "email")))
        .map(JdbcUserRepository::map)
        .findOne();
  }

  @Override
  public List<User> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<User> all = handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE tenant_id = :tenant")
        .bind("tenant", tenant.value())
        .map(JdbcUserRepository::map)
        .list();
    // sorted here, not in SQL, so the order does not depend on the database's collation
    all.sort(Comparator.comparing(User::displayName).thenComparing(u -> key(u.email())));
    return all;
  }

  private int write(User user, String sql) {
    return SqlErrors.uniqueWrite(handle, "users_email_uq", () -> emailTaken(user), () -> idTaken(user), () -> handle
        .createUpdate(sql)
        .bind("tenant", user.tenant().value())
        .bind("id", user.id().value())
        .bind("email", user.email())
        .bind("emailKey", key(user.email()))
        .bind("displayName", user.displayName())
        .bind("role", user.role())
        .bind("active", user.active())
        .execute());
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  private static String emailTaken(User user) {
    return "user email " + key(user.email()) + " already exists in tenant " + user.tenant();
  }

  private static String idTaken(User user) {
    return "user " + user.id() + " already exists in tenant " + user.tenant();
  }

  private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new User(new TenantId(Rows.uuid(rs, "tenant_id")), new UserId(Rows.uuid(rs, "id")),
        Rows.string(rs, "email"), Rows.string(rs, "display_name"), Rows.string(rs, "role_name"),
        rs.getBoolean("active"));
  }
}
