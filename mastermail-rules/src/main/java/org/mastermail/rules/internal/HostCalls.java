package org.mastermail.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into the host (directory, sinks) that must not stop a message from being archived: a failing call counts as
 * "nothing known", is logged, and is named in the routing trace. Routing runs inside the archiving transaction, so
 * an exception escaping would leave the message unarchived and the mailbox stuck on it.
 */
final class HostCalls {
  private static final Logger LOG = LoggerFactory.getLogger(HostCalls.class);

  private final List<String> failures = new ArrayList<>();

  <T> T call(String what, Supplier<T> call, T fallback) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      LOG.warn("{} failed; routing goes on without it", what, e);
      failures.add(what + " failed (" + e + "); treated as unknown");
      return fallback;
    }
  }

  void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return Boolean.TRUE;
    }, Boolean.FALSE);
  }

  List<String> failures() {
    return failures;
  }
}
