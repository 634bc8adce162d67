package org.mastermail.outbound;

/** Where an outbound message is in its life: draft → queued → sending → sent | failed | cancelled. */
public enum OutboundState {
  /** Being written; only its author sees and edits it. */
  DRAFT,
  /** Its bytes are fixed and it waits for the dispatcher (first try or a retry after a transient error). */
  QUEUED,
  /** Claimed by a dispatcher, which is talking to the server; taken over by another one if its lease expires. */
  SENDING,
  /** Accepted by the server; joined its conversation. */
  SENT,
  /** Refused for good (5xx) or out of retries; its last error is kept, and it may be resent. */
  FAILED,
  /** Withdrawn before it was sent. */
  CANCELLED;

  /** Whether nothing more happens to the message unless someone acts (resends a failed one). */
  public boolean finished() {
    return this == SENT || this == FAILED || this == CANCELLED;
  }
}
