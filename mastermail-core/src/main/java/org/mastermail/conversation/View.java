package org.mastermail.conversation;

/** Which conversations a listing starts from, before filters. */
public enum View {
  /** Assigned to the actor. */
  MINE,
  /** Unassigned (NA) in the mailboxes the actor sees. */
  UNASSIGNED,
  /** Assigned to the actor plus every unassigned one: the default inbox. */
  INBOX,
  /** Everything the actor may see; requires VIEW_ALL in at least one mailbox. */
  ALL,
  /** Assigned to one named user (see {@link ConversationFilter#assignee()}); others' queues need VIEW_ALL. */
  ASSIGNED_TO
}
