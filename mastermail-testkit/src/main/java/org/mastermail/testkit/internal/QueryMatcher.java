package org.mastermail.testkit.internal;

import org.mastermail.conversation.Conversation;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.tenant.UserId;

/** The row condition of a {@link ConversationQuery}, exactly as its javadoc states it (position aside). */
final class QueryMatcher {
  private QueryMatcher() {}

  static boolean matches(Conversation c, ConversationQuery q) {
    return c.tenant().equals(q.tenant())
        && q.mailboxes().contains(c.mailbox())
        && visible(c, q)
        && inScope(c, q)
        && (q.statuses().isEmpty() || q.statuses().contains(c.status()))
        && (q.tag() == null || c.tags().contains(q.tag()))
        && (q.dueBefore() == null || c.dueAt() != null && c.dueAt().isBefore(q.dueBefore()))
        && (q.linkedTo() == null || c.links().contains(q.linkedTo()));
  }

  private static boolean visible(Conversation c, ConversationQuery q) {
    return q.fullAccess().contains(c.mailbox()) || c.assignee() == null || c.assignee().equals(q.viewer());
  }

  private static boolean inScope(Conversation c, ConversationQuery q) {
    UserId assignee = c.assignee();
    return switch (q.scope()) {
      case ANY -> true;
      case ASSIGNED_TO -> assignee != null && assignee.equals(q.assignee());
      case UNASSIGNED -> assignee == null;
      case VIEWER_OR_UNASSIGNED -> assignee == null || assignee.equals(q.viewer());
    };
  }
}
