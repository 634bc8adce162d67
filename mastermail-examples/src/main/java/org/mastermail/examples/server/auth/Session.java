package org.mastermail.examples.server.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.mastermail.Actor;

/**
 * One logged-in browser: the user it acts as, the token its cookie carries, and the CSRF token that must come back in
 * the {@code X-CSRF-Token} header of every request that changes something.
 */
public record Session(String token, Actor actor, String csrfToken, Instant createdAt, Instant lastSeenAt) {
  public Session {
    requireNonNull(token, "token");
    requireNonNull(actor, "actor");
    requireNonNull(csrfToken, "csrfToken");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(lastSeenAt, "lastSeenAt");
  }

  Session seenAt(Instant at) {
    return new Session(token, actor, csrfToken, createdAt, at);
  }
}
