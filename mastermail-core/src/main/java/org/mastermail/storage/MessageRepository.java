package org.mastermail.storage;

import java.util.List;
import org.mastermail.conversation.ConversationId;
import org.mastermail.message.MessageMeta;
import org.mastermail.tenant.TenantId;

/** Metadata of archived and sent messages. */
public interface MessageRepository {
  void insert(MessageMeta message);

  /** Messages of a conversation, oldest first. */
  List<MessageMeta> listByConversation(TenantId tenant, ConversationId conversation);
}
