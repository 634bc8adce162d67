package org.mastermail.rules;

import org.slf4j.LoggerFactory;

/**
 * Hears of the automatic replies the engine decided on (SPI), for a host that wants to know. Sending is not its job:
 * the replies travel in the {@link org.mastermail.rule.RoutingDecision#mail() routing decision}, and core queues them
 * in the archiving transaction for the outbound dispatcher.
 *
 * <p>It is called while routing, inside the archiving transaction, which may still roll back. The rate limit is stored
 * in that transaction too, so a rolled-back message never counts.
 */
@FunctionalInterface
public interface AutoReplySink {
  void accept(AutoReply reply);

  /** The default: logs each reply at DEBUG. */
  static AutoReplySink logging() {
    return reply -> LoggerFactory.getLogger(AutoReplySink.class).debug("automatic reply to {} (rule {}): {}",
        reply.to(), reply.rule(), reply.subject());
  }
}
