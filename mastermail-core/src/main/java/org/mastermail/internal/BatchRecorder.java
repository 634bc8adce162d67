package org.mastermail.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one dispatcher worker's outcomes on another thread while the worker goes on sending, at most one batch at a
 * time (in order, and memory stays bounded): the database work of a batch overlaps the SMTP work of the next. Neither
 * holds a transaction open during SMTP: the recording is a transaction of its own on another connection. Used by one
 * worker thread only.
 */
final class BatchRecorder<T> {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRecorder.class);

  private final ExecutorService executor;
  private final Consumer<List<T>> record;
  private @Nullable Future<?> inFlight;

  /** @param record records a batch, in a transaction of its own; called on a thread of {@code executor} */
  BatchRecorder(ExecutorService executor, Consumer<List<T>> record) {
    this.executor = executor;
    this.record = record;
  }

  /** Daemon threads for recorders, named after the dispatcher; idle ones end after a minute. */
  static ExecutorService threads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mastermail-dispatcher-recorder-" + count.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
  }

  /** Hands a copy of {@code outcomes} over once the batch before it is recorded. */
  void submit(List<T> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    await();
    List<T> batch = List.copyOf(outcomes);
    try {
      inFlight = executor.submit(() -> record.accept(batch));
    } catch (RejectedExecutionException e) {
      record.accept(batch); // the dispatcher closed meanwhile: record here
    }
  }

  /** Waits until the batch in flight is recorded (or has failed to be; then it is sent again when its claims lapse). */
  void await() {
    Future<?> f = inFlight;
    if (f == null) {
      return;
    }
    inFlight = null;
    boolean interrupted = false;
    while (true) {
      try {
        f.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the outcome is being recorded either way: wait, so that a closing node knows it is done
      } catch (ExecutionException e) {
        LOG.warn("recording outcomes failed; those messages are sent again when their claims lapse", e.getCause());
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
