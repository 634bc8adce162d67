package org.mastermail.examples.server.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Logins kept in the server's table {@code server_login}: one row per user, the address lower-case, the password as
 * an Argon2id hash. Migrate the table first with {@link org.mastermail.examples.server.config.ServerDatabase}.
 *
 * <pre>{@code
 * JdbcLogins logins = new JdbcLogins(jdbi, PasswordHasher.DEFAULT, clock);
 * logins.setPassword("ewa@acme.example", ewa, "correct horse battery staple");
 * Optional<Actor> who = logins.check("Ewa@Acme.example", typed);
 * }</pre>
 */
public final class JdbcLogins implements Logins {
  /** Shorter passwords are refused when set (NIST SP 800-63B asks for at least 8 characters). */
  public static final int MIN_PASSWORD_LENGTH = 8;
  /** Longer ones are refused too: hashing megabytes of "password" would be a cheap way to burn our CPU. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final Clock clock;

  public JdbcLogins(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.hasher = requireNonNull(hasher, "hasher");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Actor> check(String email, String password) {
    requireNonNull(password, "password");
    Optional<Row> row = find(email);
    if (row.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
      hasher.checkDecoy(password.length() > MAX_PASSWORD_LENGTH ? "" : password);
      return Optional.empty();
    }
    Row r = row.get();
    return hasher.check(password, r.hash()) ? Optional.of(r.actor()) : Optional.empty();
  }

  /** Whether {@code email} may log in at all. */
  public boolean exists(String email) {
    return find(email).isPresent();
  }

  /** Sets the password {@code actor} logs in with as {@code email}, creating the login when there is none. */
  public void setPassword(String email, Actor actor, String password) {
    checkNewPassword(password);
    setHash(email, actor, hasher.hash(password));
  }

  @Override
  public void checkNewPassword(String password) {
    requireNonNull(password, "password");
    if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidInputException("a password has " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
          + " characters");
    }
  }

  /** Adds a login; never replaces one, which would hand another user's address to this one. */
  @Override
  public void create(String email, Actor actor, String password) {
    requireNonNull(actor, "actor");
    checkNewPassword(password);
    String hash = hasher.hash(password);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    boolean added = jdbi.inTransaction(h -> {
      if (h.createQuery("select count(*) from server_login where email = :email").bind("email", normalise(email))
          .mapTo(Integer.class).one() > 0) {
        return false;
      }
      h.createUpdate("insert into server_login (email, tenant_id, user_id, password_hash, changed_at)"
              + " values (:email, :tenant, :user, :hash, :now)")
          .bind("email", normalise(email)).bind("tenant", actor.tenant().value()).bind("user", actor.user().value())
          .bind("hash", hash).bind("now", now).execute();
      return true;
    });
    if (!added) {
      throw new ConflictException(email + " logs in to this server already; the user was created without a login");
    }
  }

  /**
   * Sets an Argon2id hash made elsewhere (so that a config file need not hold the password itself), creating the
   * login when there is none.
   */
  public void setHash(String email, Actor actor, String argon2Hash) {
    requireNonNull(actor, "actor");
    if (!argon2Hash.startsWith("$argon2id$")) {
      throw new InvalidInputException("the password hash of " + email + " is not an Argon2id hash ($argon2id$...)");
    }
    String key = normalise(email);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbi.useTransaction(h -> {
      int updated = h.createUpdate("update server_login set tenant_id = :tenant, user_id = :user,"
              + " password_hash = :hash, changed_at = :now where email = :email")
          .bind("tenant", actor.tenant().value()).bind("user", actor.user().value()).bind("hash", argon2Hash)
          .bind("now", now).bind("email", key).execute();
      if (updated == 0) {
        h.createUpdate("insert into server_login (email, tenant_id, user_id, password_hash, changed_at)"
                + " values (:email, :tenant, :user, :hash, :now)")
            .bind("email", key).bind("tenant", actor.tenant().value()).bind("user", actor.user().value())
            .bind("hash", argon2Hash).bind("now", now).execute();
      }
    });
  }

  /** Removes a login; the user stays in MasterMail but can no longer log in here. */
  public void remove(String email) {
    jdbi.useHandle(h -> h.createUpdate("delete from server_login where email = :email")
        .bind("email", normalise(email)).execute());
  }

  private Optional<Row> find(String email) {
    String key = normalise(email);
    return jdbi.withHandle(h -> h.createQuery("select tenant_id, user_id, password_hash from server_login"
            + " where email = :email")
        .bind("email", key)
        .map((rs, ctx) -> new Row(Actor.of(new TenantId(rs.getObject(1, UUID.class)),
            new UserId(rs.getObject(2, UUID.class))), rs.getString(3)))
        .findOne());
  }

  /** Addresses are compared without case, as mail servers compare their domain part and most their local part. */
  static String normalise(String email) {
    requireNonNull(email, "email");
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private record Row(Actor actor, String hash) {}
}
