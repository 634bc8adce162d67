package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mail sources: one thread per source syncs it while this node holds the source's lease in the database, then
 * waits for news (IMAP IDLE) or the poll interval, and again. Several nodes over one database may run the same
 * sources: exactly one holds each lease at a time, and when a node stops or dies its leases expire and another takes
 * over.
 *
 * <pre>{@code
 * SourceScheduler scheduler = SourceScheduler.builder(mm).source(imapSource).build();
 * scheduler.start();
 * ...
 * scheduler.close(); // stops the threads, releases the leases, closes the sources
 * }</pre>
 */
public final class SourceScheduler implements AutoCloseable {
  /** How long a lease lasts unless renewed; a dead node's sources wait at most this long for another node. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
  /** How long a source waits between syncs when it cannot tell of new mail itself. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
  /** The wait after a failed sync before the next attempt. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SourceScheduler.class);

  private final MasterMail mm;
  private final List<MailSource> sources;
  private final String node;
  private final Duration lease;
  private final Duration pollInterval;
  private final Duration retryDelay;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();

  private SourceScheduler(Builder b) {
    this.mm = b.mm;
    this.sources = List.copyOf(b.sources);
    this.node = b.node;
    this.lease = b.lease;
    this.pollInterval = b.pollInterval;
    this.retryDelay = b.retryDelay;
  }

  public static Builder builder(MasterMail mm) {
    return new Builder(mm);
  }

  /** This node's name in the leases. */
  public String node() {
    return node;
  }

  /** Starts one daemon thread per source. */
  public synchronized void start() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("the scheduler is already running");
    }
    for (MailSource source : sources) {
      Thread t = new Thread(() -> run(source), "mastermail-source-" + source.id());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** One round for {@code source} on the calling thread: take the lease, sync, keep the lease. For tests and tools. */
  public boolean syncOnce(MailSource source) throws Exception {
    Keeper keeper = new Keeper(source);
    if (!keeper.holds()) {
      return false;
    }
    source.sync(SyncContext.of(mm.intake(), source, keeper::holds));
    return true;
  }

  /** Renews a source's lease when a third of it has passed, so that asking often costs no database write. */
  private final class Keeper {
    private final MailSource source;
    private @Nullable Instant renewed;

    Keeper(MailSource source) {
      this.source = source;
    }

    synchronized boolean holds() {
      Instant now = mm.clock().instant();
      if (renewed != null && now.isBefore(renewed.plus(lease.dividedBy(3)))) {
        return true;
      }
      boolean held = mm.intake().lease(source.tenant(), source.id(), node, lease);
      renewed = held ? now : null;
      return held;
    }
  }

  private void run(MailSource source) {
    Keeper keeper = new Keeper(source);
    while (running.get()) {
      try {
        if (keeper.holds()) {
          source.sync(SyncContext.of(mm.intake(), source, () -> running.get() && keeper.holds()));
          // the wait for news may be long (IDLE): the lease must outlive it, so wait at most a third of the lease
          Duration wait = pollInterval.compareTo(lease.dividedBy(3)) < 0 ? pollInterval : lease.dividedBy(3);
          source.awaitNews(wait);
        } else {
          pause(pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn("source {} failed to sync; retrying in {}", source.id(), retryDelay, e);
        try {
          pause(retryDelay);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void pause(Duration d) throws InterruptedException {
    Thread.sleep(Math.max(1, d.toMillis()));
  }

  /** Stops the threads, gives the leases up and closes the sources. */
  @Override
  public synchronized void close() {
    running.set(false);
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    for (MailSource source : sources) {
      try {
        mm.intake().release(source.tenant(), source.id(), node);
      } catch (RuntimeException e) {
        LOG.warn("could not release the lease of source {}; it expires by itself", source.id(), e);
      }
      try {
        source.close();
      } catch (Exception e) {
        LOG.warn("could not close source {}", source.id(), e);
      }
    }
  }

  /** Configures a {@link SourceScheduler}. */
  public static final class Builder {
    private final MasterMail mm;
    private final List<MailSource> sources = new ArrayList<>();
    private String node = "node-" + UUID.randomUUID();
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;

    private Builder(MasterMail mm) {
      this.mm = requireNonNull(mm, "mm");
    }

    public Builder source(MailSource value) {
      sources.add(requireNonNull(value, "source"));
      return this;
    }

    /** This node's name in the leases (default: random); give each node its own. */
    public Builder node(String value) {
      if (value.isBlank() || value.length() > 200) {
        throw new InvalidInputException("a node name has 1 to 200 characters");
      }
      this.node = value;
      return this;
    }

    public Builder lease(Duration value) {
      this.lease = positive("lease", value);
      return this;
    }

    public Builder pollInterval(Duration value) {
      this.pollInterval = positive("pollInterval", value);
      return this;
    }

    public Builder retryDelay(Duration value) {
      this.retryDelay = positive("retryDelay", value);
      return this;
    }

    public SourceScheduler build() {
      return new SourceScheduler(this);
    }

    private static Duration positive(String name, Duration value) {
      requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new InvalidInputException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
