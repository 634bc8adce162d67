package org.mastermail.examples.server.auth;

import java.util.Optional;
import org.mastermail.Actor;

/**
 * Who may log in to the server, and as which user. Core knows users but no passwords: proving who someone is belongs
 * to the host. {@link JdbcLogins} keeps Argon2id hashes in the server's database; a host with single sign-on would put
 * its own implementation here.
 */
public interface Logins {
  /** The user {@code email} logs in as, when {@code password} is theirs; empty for a wrong password or login. */
  Optional<Actor> check(String email, String password);
}
