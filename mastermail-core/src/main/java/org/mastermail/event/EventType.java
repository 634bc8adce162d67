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
  PERMISSION_CHANGED
}
