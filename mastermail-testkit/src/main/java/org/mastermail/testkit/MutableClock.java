package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, so that no test sleeps: {@code clock.advance(Duration.ofDays(8))}. Thread-safe. */
public final class MutableClock extends Clock {
  /** A whole-millisecond default start: 2026-03-02T09:00:00Z, a Monday morning. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(new AtomicReference<>(requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public static MutableClock startingAt(Instant start) {
    return new MutableClock(start);
  }

  public static MutableClock atDefaultStart() {
    return new MutableClock(DEFAULT_START);
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public MutableClock advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
    return this;
  }

  public MutableClock set(Instant instant) {
    now.set(requireNonNull(instant, "instant"));
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
