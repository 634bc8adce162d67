package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import org.mastermail.conversation.ConversationId;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.MessageRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryMessages implements MessageRepository {
  private final MemorySession tx;

  MemoryMessages(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(MessageMeta message) {
    requireNonNull(message, "message");
    Scoped<MessageId> key = new Scoped<>(message.tenant(), message.id());
    if (tx.messages.contains(key)) {
      throw new DuplicateKeyException("message " + message.id() + " already exists", null);
    }
    String header = message.messageIdHeader();
    if (header != null && tx.messages.any(m -> m.tenant().equals(message.tenant())
        && m.mailbox().equals(message.mailbox()) && header.equals(m.messageIdHeader()))) {
      throw new DuplicateKeyException("a message with Message-ID <" + header + "> is already archived in mailbox "
          + message.mailbox(), null);
    }
    tx.messages.put(key, message);
  }

  @Override
  public List<MessageMeta> listByConversation(TenantId tenant, ConversationId conversation) {
    requireNonNull(conversation, "conversation");
    List<MessageMeta> found =
        tx.messages.select(m -> m.tenant().equals(tenant) && m.conversation().equals(conversation));
    found.sort(Comparator.comparing(MessageMeta::receivedAt));
    return found;
  }
}
