package org.mastermail.outbound;

/**
 * Sends queued mail in the background: claims due messages (several nodes share one queue; a crashed node's claims
 * are taken over when their lease lapses), hands their fixed bytes to the mailbox's {@link MailTransport} with no
 * database transaction open, and records the outcome: sent (the message joins its conversation), retried later with
 * exponential backoff and jitter after a transient error, or failed at once on a permanent one.
 *
 * <pre>{@code
 * try (Dispatcher dispatcher = mm.dispatcher(DispatcherSettings.DEFAULTS)) {
 *   dispatcher.start();
 *   …
 * }
 * }</pre>
 */
public interface Dispatcher extends AutoCloseable {
  /** Starts the worker threads; they wake when mail is queued on this node, and poll for other nodes' mail. */
  void start();

  /**
   * Sends everything due now on the calling thread, without starting any thread (for tests with a movable clock, and
   * for hosts with a scheduler of their own). Returns how many attempts were made.
   */
  int runOnce();

  /** Stops the workers, waiting for attempts under way to finish. */
  @Override
  void close();
}
