package org.mastermail.rules;

import org.slf4j.LoggerFactory;

/**
 * Receives the automatic replies the engine decided on (SPI). Core has no outbound queue yet; once it has, outbound
 * mail consumes these.
 *
 * <p>It is called while routing, inside the archiving transaction, which may still roll back: an implementation that
 * sends mail must do so only after commit (for example from an {@code EventListener}), or queue it in the same
 * database. The rate limit is stored in that transaction too, so a rolled-back message never counts.
 */
@FunctionalInterface
public interface AutoReplySink {
  void accept(AutoReply reply);

  /** The default: logs each reply at INFO and sends nothing. */
  static AutoReplySink logging() {
    return reply -> LoggerFactory.getLogger(AutoReplySink.class).info("automatic reply to {} (rule {}): {}",
        reply.to(), reply.rule(), reply.subject());
  }
}
