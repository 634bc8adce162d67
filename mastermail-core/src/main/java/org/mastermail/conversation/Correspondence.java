package org.mastermail.conversation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageMeta;

/**
 * What an inbox row shows beside the subject: who wrote last and how many messages the conversation holds.
 *
 * @param latestSender the From address of the latest message received from outside; of the latest message at all when
 *     none came from outside (a conversation we started); null when the conversation holds no message yet
 * @param messages how many messages it holds, received and sent
 */
public record Correspondence(@Nullable String latestSender, int messages) {
  public Correspondence {
    if (messages < 0) {
      throw new IllegalArgumentException("messages must not be negative, was " + messages);
    }
    if (messages == 0 && latestSender != null) {
      throw new IllegalArgumentException("a conversation without messages has no sender");
    }
  }

  /** A conversation that holds no message yet (opened by hand, say). */
  public static final Correspondence NONE = new Correspondence(null, 0);

  /** Of a conversation's messages, oldest first (as {@link ConversationDetails#messages()} holds them). */
  public static Correspondence of(List<MessageMeta> messages) {
    String sender = null;
    for (int i = messages.size() - 1; i >= 0 && sender == null; i--) {
      if (messages.get(i).direction() == Direction.INCOMING) {
        sender = messages.get(i).from();
      }
    }
    if (sender == null && !messages.isEmpty()) {
      sender = messages.get(messages.size() - 1).from();
    }
    return new Correspondence(sender, messages.size());
  }
}
