package org.mastermail.event;

/** What an {@link Event} records. */
public enum EventType {
  CONVERSATION_CREATED,
  MESSAGE_RECEIVED,
  /** A message was not archived (too large); the event's {@code after} says why. */
  MESSAGE_REJECTED,
  /** A source's folder stopped syncing (for example its UIDVALIDITY changed); {@code after} says why. */
  SOURCE_HALTED,
  SOURCE_RESUMED,
  /** A router decided about an incoming message; {@code after} is its trace (which rules matched and why). */
  ROUTED,
  /** An outbound message was queued for sending; {@code after} is its Message-ID. */
  OUTBOUND_QUEUED,
  /** An outbound message was accepted by the server and joined its conversation (a reaction to it). */
  MESSAGE_SENT,
  /** An attempt to send failed for a reason that may pass; {@code after} is the error, the message is retried. */
  SEND_RETRIED,
  /** An outbound message failed for good; {@code after} is the server's reply. */
  SEND_FAILED,
  /** A queued or failed outbound message was withdrawn. */
  OUTBOUND_CANCELLED,
  ASSIGNED,
  UNASSIGNED,
  STATUS_CHANGED,
  DUE_CHANGED,
  TAGGED,
  UNTAGGED,
  LINKED,
  UNLINKED,
  NOTE_ADDED,
  READ,
  UNREAD,
  TENANT_CREATED,
  USER_CHANGED,
  MAILBOX_CHANGED,
  MEMBERSHIP_CHANGED,
  DELEGATION_CHANGED,
  STATUS_DEFINITION_CHANGED,
  PERMISSION_CHANGED,
  /** A stored secret was set, deleted or encrypted again; {@code after} names it (never its value). */
  SECRET_CHANGED
}
