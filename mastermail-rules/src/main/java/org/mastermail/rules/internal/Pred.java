package org.mastermail.rules.internal;

/** A compiled condition: tests a message and says why it held or not, for the routing trace. */
interface Pred {
  Result test(MessageView m);

  /** A reason a person can read, worked out only when asked for. */
  @FunctionalInterface
  interface Reason {
    String text();

    /**
     * {@code prefix + text()}. A reason made of parts makes it as one string: the trace line of a failed rule is its
     * label and its reason, made for dozens of rules per message.
     */
    default String after(String prefix) {
      return prefix + text();
    }
  }

  /**
   * Whether the condition held, and a short reason a person can read, worked out only when asked for: most rules
   * tested against a message fail, and their reasons are rarely all wanted.
   */
  final class Result {
    private final boolean ok;
    private final Reason reason;

    Result(boolean ok, Reason reason) {
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
      return reason.text();
    }

    /** {@code prefix + why()}. */
    String why(String prefix) {
      return reason.after(prefix);
    }
  }
}
