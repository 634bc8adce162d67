package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for new mail with IMAP IDLE on the calling thread, in slices: a watchdog thread ends each IDLE after
 * {@code slice} by sending a NOOP on the folder (Angus answers with DONE first, as the Jakarta Mail docs describe), and
 * the waiter starts the next one. A NOOP that gets no answer within the read timeout fails, so a dead connection ends
 * the wait instead of hanging in IDLE forever; the slice is therefore kept below the read timeout.
 */
public final class IdleWaiter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdleWaiter.class);
  /** How often the watchdog looks at a running IDLE: the slice's end and an interrupt are noticed within it. */
  private static final long TICK_MILLIS = 200;

  private final String name;
  private @Nullable ScheduledExecutorService watchdog;

  /** @param name how logs and the watchdog thread name the source */
  public IdleWaiter(String name) {
    this.name = requireNonNull(name, "name");
  }

  /**
   * Waits until the folder's message count differs from {@code baseline} (mail arrived, or was removed by someone else)
   * or {@code wait} passed.
   *
   * @return whether the count changed
   * @throws InterruptedException when the thread was interrupted (noticed within a fraction of a second)
   * @throws MessagingException when the connection failed; the caller reconnects
   */
  public boolean await(IMAPFolder folder, int baseline, Duration wait, Duration slice)
      throws MessagingException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("waiting for mail in " + name + " was interrupted");
      }
      if (folder.getMessageCount() != baseline) {
        return true;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      idleOnce(folder, Math.min(remaining, slice.toNanos()));
    }
  }

  private void idleOnce(IMAPFolder folder, long sliceNanos) throws MessagingException {
    Thread idler = Thread.currentThread();
    long end = System.nanoTime() + sliceNanos;
    AtomicBoolean done = new AtomicBoolean();
    long tick = Math.min(sliceNanos, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
    // the watchdog ends the IDLE when the slice is over or the waiting thread was interrupted; it keeps trying, as a
    // NOOP sent before the IDLE started ends nothing
    ScheduledFuture<?> abort = watchdog().scheduleWithFixedDelay(() -> {
      if (!done.get() && (System.nanoTime() - end >= 0 || idler.isInterrupted())) {
        try {
          ImapConnection.noop(folder);
        } catch (MessagingException | RuntimeException e) {
          log.debug("{}: ending the IDLE failed: {}", name, e.toString());
        }
      }
    }, tick, tick, TimeUnit.NANOSECONDS);
    try {
      folder.idle(true); // returns on the first response: new mail, a flag change, or the watchdog's DONE
    } finally {
      done.set(true);
      abort.cancel(false);
    }
  }

  private synchronized ScheduledExecutorService watchdog() {
    if (watchdog == null) {
      watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mastermail-imap-idle-" + name);
        t.setDaemon(true);
        return t;
      });
    }
    return watchdog;
  }

  @Override
  public synchronized void close() {
    if (watchdog != null) {
      watchdog.shutdownNow();
      watchdog = null;
    }
  }
}
