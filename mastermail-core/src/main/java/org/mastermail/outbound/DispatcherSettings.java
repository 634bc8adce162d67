package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.mastermail.InvalidInputException;

/**
 * How a {@link Dispatcher} works.
 *
 * @param workers how many threads send at once
 * @param batch how many messages one claim takes
 * @param lease how long a claim holds before another node may take the message over (longer than the slowest send)
 * @param maxAttempts attempts before a message that keeps failing transiently is marked failed
 * @param firstRetry the wait after the first transient failure; it doubles with each attempt
 * @param maxRetry the longest wait between attempts
 * @param jitter the random share (0 to 1) by which each wait is shortened, so that retries spread out
 * @param poll how often idle workers look for mail queued by other nodes
 * @param holder this node's name in claims (unique per node)
 */
public record DispatcherSettings(int workers, int batch, Duration lease, int maxAttempts, Duration firstRetry,
    Duration maxRetry, double jitter, Duration poll, String holder) {
  public static final int DEFAULT_WORKERS = 2;
  public static final int DEFAULT_BATCH = 10;
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofMinutes(1);
  public static final Duration DEFAULT_MAX_RETRY = Duration.ofHours(4);
  public static final double DEFAULT_JITTER = 0.2;
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(15);

  /** The defaults, with a random holder name. */
  public static final DispatcherSettings DEFAULTS = builder().build();

  public DispatcherSettings {
    requireNonNull(lease, "lease");
    requireNonNull(firstRetry, "firstRetry");
    requireNonNull(maxRetry, "maxRetry");
    requireNonNull(poll, "poll");
    requireNonNull(holder, "holder");
    if (workers < 1 || batch < 1 || maxAttempts < 1) {
      throw new InvalidInputException("workers, batch and maxAttempts must be at least 1, were " + workers + ", "
          + batch + ", " + maxAttempts);
    }
    if (lease.isNegative() || lease.isZero() || poll.isNegative() || poll.isZero() || firstRetry.isNegative()
        || maxRetry.compareTo(firstRetry) < 0) {
      throw new InvalidInputException("lease and poll must be positive and maxRetry at least firstRetry");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new InvalidInputException("jitter must be between 0 and 1, was " + jitter);
    }
    if (holder.isBlank() || holder.length() > 200) {
      throw new InvalidInputException("holder must be 1 to 200 characters");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DispatcherSettings}. */
  public static final class Builder {
    private int workers = DEFAULT_WORKERS;
    private int batch = DEFAULT_BATCH;
    private Duration lease = DEFAULT_LEASE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration firstRetry = DEFAULT_FIRST_RETRY;
    private Duration maxRetry = DEFAULT_MAX_RETRY;
    private double jitter = DEFAULT_JITTER;
    private Duration poll = DEFAULT_POLL;
    private String holder = "node-" + java.util.UUID.randomUUID();

    private Builder() {}

    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    public Builder batch(int value) {
      this.batch = value;
      return this;
    }

    public Builder lease(Duration value) {
      this.lease = value;
      return this;
    }

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    public Builder retries(Duration first, Duration max) {
      this.firstRetry = first;
      this.maxRetry = max;
      return this;
    }

    public Builder jitter(double value) {
      this.jitter = value;
      return this;
    }

    public Builder poll(Duration value) {
      this.poll = value;
      return this;
    }

    public Builder holder(String value) {
      this.holder = value;
      return this;
    }

    public DispatcherSettings build() {
      return new DispatcherSettings(workers, batch, lease, maxAttempts, firstRetry, maxRetry, jitter, poll, holder);
    }
  }
}
