package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

/** A conversation as listed for one actor, with that actor's unread marker. */
public record ConversationSummary(Conversation conversation, boolean unread) {
  public ConversationSummary {
    requireNonNull(conversation, "conversation");
  }
}
