package org.mastermail.examples.server.auth;

import java.util.Optional;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;

/**
 * Who may log in to the server, and as which user. Core knows users but no passwords: proving who someone is belongs
 * to the host. {@link JdbcLogins} keeps Argon2id hashes in the server's database; a host with single sign-on would put
 * its own implementation here.
 */
public interface Logins {
  /** The user {@code email} logs in as, when {@code password} is theirs; empty for a wrong password or login. */
  Optional<Actor> check(String email, String password);

  /**
   * Fails unless {@code password} could be set as an initial one; asked before the user is created, so that a refused
   * password leaves nothing half made. The default refuses every password: logins managed elsewhere (single sign-on)
   * take none from this server.
   *
   * @throws InvalidInputException saying what a password must be
   */
  default void checkNewPassword(String password) {
    throw new InvalidInputException("this server sets no passwords: its logins are managed elsewhere");
  }

  /**
   * Gives {@code actor}, a user just created, a login as {@code email} with an initial password.
   *
   * @throws org.mastermail.ConflictException when the address logs in already (it names one user on the server)
   */
  default void create(String email, Actor actor, String password) {
    checkNewPassword(password);
  }
}
