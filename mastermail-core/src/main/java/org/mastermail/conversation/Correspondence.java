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
 * @param latestSenderName the display name that message's From header gives, or null
 * @param messages how many messages it holds, received and sent
 */
public record Correspondence(@Nullable String latestSender, @Nullable String latestSenderName, int messages) {
  public Correspondence {
    if (messages < 0) {
      throw new IllegalArgumentException("messages must not be negative, was " + messages);
    }
    if (messages == 0 && (latestSender != null || latestSenderName != null)) {
      throw new IllegalArgumentException("a conversation without messages has no sender");
    }
  }

  /** A conversation that holds no message yet (opened by hand, say). */
  public static final Correspondence NONE = new Correspondence(null, null, 0);

  /** Of a conversation's messages, oldest first (as {@link ConversationDetails#messages()} holds them). */
  public static Correspondence of(List<MessageMeta> messages) {
    MessageMeta latest = null;
    for (int i = messages.size() - 1; i >= 0 && latest == null; i--) {
      if (messages.get(i).direction() == Direction.INCOMING) {
        latest = messages.get(i);
      }
    }
    if (latest == null && !messages.isEmpty()) {
      latest = messages.get(messages.size() - 1);
    }
    return latest == null ? NONE : new Correspondence(latest.from(), latest.fromName(), messages.size());
  }
}
