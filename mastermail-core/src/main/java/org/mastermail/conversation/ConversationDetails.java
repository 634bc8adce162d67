package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.mastermail.event.Event;
import org.mastermail.message.MessageMeta;

/** One conversation as one actor sees it: state, messages, notes and history, oldest first. */
public record ConversationDetails(Conversation conversation, boolean unread, List<MessageMeta> messages,
    List<Note> notes, List<Event> history) {
  public ConversationDetails {
    requireNonNull(conversation, "conversation");
    messages = List.copyOf(messages);
    notes = List.copyOf(notes);
    history = List.copyOf(history);
  }
}
