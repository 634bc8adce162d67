package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;
import org.mastermail.message.MessageId;

/**
 * How far the sending of an outbound message has come.
 *
 * @param state where the message is in its life
 * @param messageIdHeader the Message-ID fixed at enqueue (without angle brackets), null for a draft
 * @param mime the single-instance skeleton of the MIME bytes fixed at enqueue, null for a draft
 * @param mimeSize the size of those bytes
 * @param attempts how many times a dispatcher has claimed it
 * @param nextAttemptAt when a queued message is due
 * @param lastError the server's reply or the error of the last failed attempt
 * @param claimedBy the dispatcher sending it now (state SENDING)
 * @param claimedUntil when that claim lapses and another dispatcher may take the message over
 * @param sentAt when the server accepted it
 * @param sentMessage the archived message it became in its conversation once sent
 */
public record Delivery(OutboundState state, @Nullable String messageIdHeader, @Nullable BlobId mime, long mimeSize,
    int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable String claimedBy,
    @Nullable Instant claimedUntil, @Nullable Instant sentAt, @Nullable MessageId sentMessage) {
  public Delivery {
    requireNonNull(state, "state");
    if (attempts < 0 || mimeSize < 0) {
      throw new IllegalArgumentException("attempts and mimeSize must not be negative");
    }
  }

  /** The delivery of a new draft. */
  public static Delivery draft() {
    return new Delivery(OutboundState.DRAFT, null, null, 0, 0, null, null, null, null, null, null);
  }

  /** Queued with fixed bytes, due at {@code due}. */
  public Delivery queued(String messageId, BlobId skeleton, long size, Instant due) {
    return new Delivery(OutboundState.QUEUED, messageId, skeleton, size, 0, due, null, null, null, null, null);
  }

  /** Back in the queue after a transient error, due again at {@code due}. */
  public Delivery retryAt(Instant due, String error) {
    return new Delivery(OutboundState.QUEUED, messageIdHeader, mime, mimeSize, attempts, due, error, null, null, null,
        null);
  }

  /** Claimed by {@code holder} until {@code until}: one more attempt. */
  public Delivery claimed(String holder, Instant until) {
    return new Delivery(OutboundState.SENDING, messageIdHeader, mime, mimeSize, attempts + 1, nextAttemptAt,
        lastError, holder, until, null, null);
  }

  public Delivery sent(Instant at, MessageId message) {
    return new Delivery(OutboundState.SENT, messageIdHeader, mime, mimeSize, attempts, null, null, null, null, at,
        message);
  }

  public Delivery failed(String error) {
    return new Delivery(OutboundState.FAILED, messageIdHeader, mime, mimeSize, attempts, null, error, null, null, null,
        null);
  }

  public Delivery cancelled() {
    return new Delivery(OutboundState.CANCELLED, messageIdHeader, mime, mimeSize, attempts, null, lastError, null,
        null, null, null);
  }

  /** Queued again with the same bytes and Message-ID and a fresh count of attempts (resend of a failed message). */
  public Delivery requeued(Instant due) {
    return new Delivery(OutboundState.QUEUED, messageIdHeader, mime, mimeSize, 0, due, lastError, null, null, null,
        null);
  }
}
