package org.mastermail.rules;

import org.slf4j.LoggerFactory;

/**
 * Receives the internal forwards the engine decided on (SPI); like {@link AutoReplySink}, called inside the archiving
 * transaction, so act only after commit.
 */
@FunctionalInterface
public interface ForwardSink {
  void accept(Forward forward);

  /** The default: logs each forward at INFO and sends nothing. */
  static ForwardSink logging() {
    return forward -> LoggerFactory.getLogger(ForwardSink.class).info("forward of {} to {} (rule {})",
        forward.message(), forward.to(), forward.rule());
  }
}
