package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of one recipient of a bulk send.
 *
 * @param index the recipient's position in the request
 * @param message the queued message, when {@code outcome} is QUEUED
 * @param problem why nothing was queued, naming the address or variable; null when queued
 */
public record BulkResult(int index, String address, Outcome outcome, @Nullable OutboundId message,
    @Nullable String problem) {
  public BulkResult {
    requireNonNull(address, "address");
    requireNonNull(outcome, "outcome");
  }

  public Optional<OutboundId> messageIfQueued() {
    return Optional.ofNullable(message);
  }

  /** What happened to one recipient. */
  public enum Outcome {
    QUEUED,
    INVALID_ADDRESS,
    /** The template uses a variable the recipient's data lacks (or cannot be rendered with it). */
    MISSING_VARIABLE,
    /** Something else about this recipient was wrong (an unreadable file); see the problem. */
    REJECTED
  }
}
