package org.mastermail.rules.internal;

import java.util.function.Supplier;

/** A compiled condition: tests a message and says why it held or not, for the routing trace. */
interface Pred {
  Result test(MessageView m);

  /**
   * Whether the condition held, and a short reason a person can read, worked out only when asked for: most rules
   * tested against a message fail, and their reasons are rarely all wanted.
   */
  final class Result {
    private final boolean ok;
    private final Supplier<String> reason;

    Result(boolean ok, Supplier<String> reason) {
      this.ok = ok;
      this.reason = reason;
    }

    Result(boolean ok, String reason) {
      this(ok, () -> reason);
    }

    boolean ok() {
      return ok;
    }

    String why() {
      return reason.get();
    }
  }
}
