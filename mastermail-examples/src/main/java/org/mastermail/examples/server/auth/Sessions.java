package org.mastermail.examples.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;

/**
 * The server's sessions, in memory: a restart logs everyone out, and every node of a cluster would need sticky
 * sessions. A session ends after {@code idle} without a request and, at the latest, {@code maxAge} after login.
 */
public final class Sessions {
  public static final Duration DEFAULT_IDLE = Duration.ofHours(8);
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
  /** 256 bits: guessing a live token is hopeless. */
  private static final int TOKEN_BYTES = 32;
  private static final int PRUNE_EVERY = 256;

  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong opened = new AtomicLong();
  private final Clock clock;
  private final Duration idle;
  private final Duration maxAge;

  public Sessions(Clock clock, Duration idle, Duration maxAge) {
    this.clock = requireNonNull(clock, "clock");
    this.idle = requireNonNull(idle, "idle");
    this.maxAge = requireNonNull(maxAge, "maxAge");
  }

  /** A new session for {@code actor}, with fresh tokens (never one the browser brought: no session fixation). */
  public Session open(Actor actor) {
    if (opened.incrementAndGet() % PRUNE_EVERY == 0) {
      prune();
    }
    Instant now = clock.instant();
    Session s = new Session(token(), actor, token(), now, now);
    byToken.put(s.token(), s);
    return s;
  }

  /** The live session of {@code token}, marked as seen now; empty when unknown or expired. */
  public Optional<Session> find(String token) {
    requireNonNull(token, "token");
    Session s = byToken.get(token);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      byToken.remove(token, s);
      return Optional.empty();
    }
    Session seen = s.seenAt(now);
    byToken.replace(token, s, seen);
    return Optional.of(seen);
  }

  /** Whether {@code token}'s session is live, without marking it as seen (for connections that stay open). */
  public boolean alive(String token) {
    Session s = byToken.get(requireNonNull(token, "token"));
    return s != null && !expired(s, clock.instant());
  }

  /** Ends a session (logout); unknown tokens are ignored. */
  public void close(String token) {
    byToken.remove(requireNonNull(token, "token"));
  }

  /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, @Nullable String presented) {
    return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }

  int size() {
    return byToken.size();
  }

  private boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastSeenAt().plus(idle)) || !now.isBefore(s.createdAt().plus(maxAge));
  }

  private void prune() {
    Instant now = clock.instant();
    byToken.values().removeIf(s -> expired(s, now));
  }

  private String token() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
