package org.mastermail.examples.server.auth;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address in a sliding window, and blocks further attempts once
 * either count reaches its limit: password guessing against one account, and spraying one password over many
 * accounts from one address, both stop. A blocked attempt is refused before the password is checked, so it tells
 * nothing. A success clears its account's count but not its address's (else one known account would reset the
 * address's count between guesses at others).
 */
public final class LoginThrottle {
  /** Five failures per account in fifteen minutes. */
  public static final Limit DEFAULT_PER_ACCOUNT = new Limit(5, Duration.ofMinutes(15));
  /** More per address than per account: a whole office may log in through one NAT address. */
  public static final Limit DEFAULT_PER_ADDRESS = new Limit(20, Duration.ofMinutes(15));
  /** Keys kept at most; beyond that new accounts are not counted (addresses still are), so memory stays bounded. */
  private static final int MAX_KEYS = 100_000;

  /** At most {@code failures} failed attempts within {@code window}. */
  public record Limit(int failures, Duration window) {
    public Limit {
      requireNonNull(window, "window");
      if (failures < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a limit needs at least one failure and a positive window");
      }
    }
  }

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Limit perAccount;
  private final Limit perAddress;
  private final Clock clock;

  public LoginThrottle(Limit perAccount, Limit perAddress, Clock clock) {
    this.perAccount = requireNonNull(perAccount, "perAccount");
    this.perAddress = requireNonNull(perAddress, "perAddress");
    this.clock = requireNonNull(clock, "clock");
  }

  /** How long the caller must wait before trying again, or empty when an attempt is allowed now. */
  public Optional<Duration> blocked(String account, String address) {
    Instant now = clock.instant();
    Optional<Duration> byAccount = wait(accountKey(account), perAccount, now);
    Optional<Duration> byAddress = wait(addressKey(address), perAddress, now);
    if (byAccount.isPresent() && byAddress.isPresent()) {
      return Optional.of(byAccount.get().compareTo(byAddress.get()) >= 0 ? byAccount.get() : byAddress.get());
    }
    return byAccount.isPresent() ? byAccount : byAddress;
  }

  /** Counts a failed attempt against the account and the address. */
  public void failed(String account, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      prune(now);
    }
    record(addressKey(address), now, perAddress);
    if (failures.size() < MAX_KEYS || failures.containsKey(accountKey(account))) {
      record(accountKey(account), now, perAccount);
    }
  }

  /** Forgets the account's failures after a successful login. */
  public void succeeded(String account) {
    failures.remove(accountKey(account));
  }

  private void record(String key, Instant now, Limit limit) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      drop(times, now, limit);
      times.addLast(now);
      while (times.size() > limit.failures()) {
        times.removeFirst(); // only the newest `failures` matter for the decision
      }
    }
  }

  private Optional<Duration> wait(String key, Limit limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      drop(times, now, limit);
      if (times.size() < limit.failures()) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, times.getFirst().plus(limit.window())));
    }
  }

  private static void drop(Deque<Instant> times, Instant now, Limit limit) {
    Instant since = now.minus(limit.window());
    while (!times.isEmpty() && !times.getFirst().isAfter(since)) {
      times.removeFirst();
    }
  }

  private void prune(Instant now) {
    failures.entrySet().removeIf(e -> {
      Limit limit = e.getKey().startsWith("a:") ? perAccount : perAddress;
      synchronized (e.getValue()) {
        drop(e.getValue(), now, limit);
        return e.getValue().isEmpty();
      }
    });
  }

  private static String accountKey(String account) {
    return "a:" + JdbcLogins.normalise(account);
  }

  private static String addressKey(String address) {
    return "i:" + address;
  }
}
