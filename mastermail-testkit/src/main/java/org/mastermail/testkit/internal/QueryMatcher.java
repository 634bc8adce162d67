package org.mastermail.testkit.internal;

import java.util.List;
import java.util.Locale;
import org.mastermail.conversation.Conversation;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.tenant.UserId;

/** The row condition of a {@link ConversationQuery}, exactly as its javadoc states it (position aside). */
final class QueryMatcher {
  private QueryMatcher() {}

  /** {@link #matches(Conversation, ConversationQuery)} including the full-text condition, which needs the messages. */
  static boolean matches(Conversation c, ConversationQuery q, MemorySession tx) {
    return matches(c, q) && (q.text() == null || containsText(c, q.text(), tx));
  }

  private static boolean containsText(Conversation c, String text, MemorySession tx) {
    List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
    for (MessageMeta m : tx.messages.select(m -> m.tenant().equals(c.tenant()) && m.conversation().equals(c.id()))) {
      String searchable = SearchText.of(m, tx.contents.get(new Keys.Scoped<>(m.tenant(), m.id())).orElse(null));
      if (words.stream().allMatch(searchable::contains)) {
        return true;
      }
    }
    return false;
  }

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
