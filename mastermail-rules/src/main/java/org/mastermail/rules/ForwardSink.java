package org.mastermail.rules;

import org.slf4j.LoggerFactory;

/**
 * Hears of the internal forwards the engine decided on (SPI); like {@link AutoReplySink}, called inside the archiving
 * transaction, so act only after commit. Core queues the forwards themselves, as mail of the routing decision.
 */
@FunctionalInterface
public interface ForwardSink {
  void accept(Forward forward);

  /** The default: logs each forward at DEBUG. */
  static ForwardSink logging() {
    return forward -> LoggerFactory.getLogger(ForwardSink.class).debug("forward of {} to {} (rule {})",
        forward.message(), forward.to(), forward.rule());
  }
}
