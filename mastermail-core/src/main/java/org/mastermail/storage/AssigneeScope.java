package org.mastermail.storage;

/** The assignee condition of a {@link ConversationQuery}. */
public enum AssigneeScope {
  /** No condition beyond visibility. */
  ANY,
  /** {@code assignee = query.assignee()}. */
  ASSIGNED_TO,
  /** {@code assignee IS NULL}. */
  UNASSIGNED,
  /** {@code assignee = query.viewer() OR assignee IS NULL}: the default inbox. */
  VIEWER_OR_UNASSIGNED
}
