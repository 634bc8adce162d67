package org.mastermail.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.Correspondence;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.tenant.TenantId;

/** Metadata and content of archived and sent messages. */
public interface MessageRepository {
  void insert(MessageMeta message);

  /** Messages of a conversation, oldest first. */
  List<MessageMeta> listByConversation(TenantId tenant, ConversationId conversation);

  /**
   * For each of the conversations that holds messages, the sender of its latest incoming message (or of its latest
   * message, when none is incoming) and how many messages it holds, "latest" in the order of
   * {@link #listByConversation}; conversations without messages are left out. A storage may read them in one round
   * trip instead of a {@link #listByConversation} each.
   */
  default Map<ConversationId, Correspondence> correspondence(TenantId tenant, Collection<ConversationId> ids) {
    Map<ConversationId, Correspondence> result = new HashMap<>();
    for (ConversationId id : new LinkedHashSet<>(ids)) {
      List<MessageMeta> messages = listByConversation(tenant, id);
      if (!messages.isEmpty()) {
        result.put(id, Correspondence.of(messages));
      }
    }
    return result;
  }

  Optional<MessageMeta> find(TenantId tenant, MessageId id);

  /**
   * Stores the content of a message inserted before in this transaction.
   *
   * @throws DuplicateKeyException when the mailbox already holds a message with the same raw SHA-256
   */
  void insertContent(MessageContent content);

  /**
   * Inserts each message followed by its content ({@code contents.get(i)} belongs to {@code messages.get(i)}), as
   * {@link #insert} and {@link #insertContent} one by one would; a storage may write them in a few round trips. On a
   * duplicate key it throws {@link DuplicateKeyException} and the transaction is to be rolled back.
   */
  default void insertAll(List<MessageMeta> messages, List<MessageContent> contents) {
    if (messages.size() != contents.size()) {
      throw new IllegalArgumentException("one content per message: " + messages.size() + " messages, "
          + contents.size() + " contents");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (!messages.get(i).id().equals(contents.get(i).message())) {
        throw new IllegalArgumentException("content " + i + " belongs to another message");
      }
      insert(messages.get(i));
      insertContent(contents.get(i));
    }
  }

  Optional<MessageContent> content(TenantId tenant, MessageId id);

  /** The message of the mailbox whose raw bytes have this SHA-256. */
  Optional<MessageMeta> findByRawSha256(TenantId tenant, MailboxId mailbox, BlobId rawSha256);

  /** Messages of the mailbox whose Message-ID is one of {@code messageIds}. */
  List<MessageMeta> findByMessageIds(TenantId tenant, MailboxId mailbox, Collection<String> messageIds);

  /** Messages of the mailbox with this {@linkplain MessageContent#subjectKey subject key} received at or after {@code since}, newest first, at most {@code limit}. */
  List<MessageMeta> findBySubjectKey(TenantId tenant, MailboxId mailbox, String subjectKey, Instant since, int limit);
}
