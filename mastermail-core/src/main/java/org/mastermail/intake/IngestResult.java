package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.message.MessageId;

/**
 * What {@link Intake#ingest} did with one raw message.
 *
 * @param message the archived message (for {@link Outcome#DUPLICATE} the one archived before), null when too large
 * @param conversation its conversation, null when too large
 * @param problems parse problems recorded with the message (empty for clean mail)
 */
public record IngestResult(Outcome outcome, @Nullable MessageId message, @Nullable ConversationId conversation,
    List<String> problems) {
  public IngestResult {
    requireNonNull(outcome, "outcome");
    problems = List.copyOf(requireNonNull(problems, "problems"));
  }

  /** The three ends of an ingest. */
  public enum Outcome {
    /** Stored now. */
    ARCHIVED,
    /** The same message (same source item, same bytes, or the same Message-ID, sender and subject) was stored before. */
    DUPLICATE,
    /** Larger than the configured limit: not stored; an event says so and the source item counts as handled. */
    TOO_LARGE
  }
}
