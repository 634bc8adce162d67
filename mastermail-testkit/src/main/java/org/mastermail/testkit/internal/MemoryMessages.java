package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageContent;
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

  @Override
  public Optional<MessageMeta> find(TenantId tenant, MessageId id) {
    return tx.messages.get(new Scoped<>(requireNonNull(tenant, "tenant"), requireNonNull(id, "id")));
  }

  @Override
  public void insertContent(MessageContent content) {
    requireNonNull(content, "content");
    Scoped<MessageId> key = new Scoped<>(content.tenant(), content.message());
    if (!tx.messages.contains(key)) {
      throw new NotFoundException("message " + content.message() + " must be inserted before its content");
    }
    if (tx.contents.contains(key)) {
      throw new DuplicateKeyException("message " + content.message() + " already has its content", null);
    }
    if (tx.contents.any(c -> c.tenant().equals(content.tenant()) && c.mailbox().equals(content.mailbox())
        && c.rawSha256().equals(content.rawSha256()))) {
      throw new DuplicateKeyException("mailbox " + content.mailbox() + " already holds a message with SHA-256 "
          + content.rawSha256(), null);
    }
    tx.contents.put(key, content);
  }

  @Override
  public Optional<MessageContent> content(TenantId tenant, MessageId id) {
    return tx.contents.get(new Scoped<>(requireNonNull(tenant, "tenant"), requireNonNull(id, "id")));
  }

  @Override
  public Optional<MessageMeta> findByRawSha256(TenantId tenant, MailboxId mailbox, BlobId rawSha256) {
    return tx.contents.select(c -> c.tenant().equals(tenant) && c.mailbox().equals(mailbox)
            && c.rawSha256().equals(rawSha256)).stream()
        .findFirst().flatMap(c -> find(tenant, c.message()));
  }

  @Override
  public List<MessageMeta> findByMessageIds(TenantId tenant, MailboxId mailbox, Collection<String> messageIds) {
    return tx.messages.select(m -> m.tenant().equals(tenant) && m.mailbox().equals(mailbox)
        && m.messageIdHeader() != null && messageIds.contains(m.messageIdHeader()));
  }

  @Override
  public List<MessageMeta> findBySubjectKey(TenantId tenant, MailboxId mailbox, String subjectKey, Instant since,
      int limit) {
    List<MessageMeta> found = new ArrayList<>();
    for (MessageContent c : tx.contents.select(c -> c.tenant().equals(tenant) && c.mailbox().equals(mailbox)
        && c.subjectKey().equals(subjectKey))) {
      find(tenant, c.message()).filter(m -> !m.receivedAt().isBefore(since)).ifPresent(found::add);
    }
    found.sort(Comparator.comparing(MessageMeta::receivedAt).reversed());
    return found.size() > limit ? found.subList(0, Math.max(1, limit)) : found;
  }
}
