package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.MessageRepository;
import org.mastermail.tenant.TenantId;

final class JdbcMessageRepository implements MessageRepository {
  private final Handle handle;

  JdbcMessageRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(MessageMeta message) {
    requireNonNull(message, "message");
    IntSupplier write = () -> handle.createUpdate("INSERT INTO messages (tenant_id, id, conversation_id, mailbox_id, "
            + "direction, message_id_header, from_address, subject, received_at, size_bytes) VALUES (:tenant, :id, "
            + ":conversation, :mailbox, :direction, :header, :from, :subject, :receivedAt, :size)")
        .bind("tenant", message.tenant().value())
        .bind("id", message.id().value())
        .bind("conversation", message.conversation().value())
        .bind("mailbox", message.mailbox().value())
        .bind("direction", message.direction().name())
        .bindByType("header", message.messageIdHeader(), String.class)
        .bind("from", message.from())
        .bind("subject", message.subject())
        .bind("receivedAt", message.receivedAt())
        .bind("size", message.sizeBytes())
        .execute();
    Supplier<String> idTaken = () -> "message " + message.id() + " already exists in tenant " + message.tenant();
    if (message.messageIdHeader() == null) {
      SqlErrors.idWrite(idTaken, write);
    } else {
      // a redelivered message is expected here, and the caller may want to go on in the same transaction
      SqlErrors.uniqueWrite(handle, "messages_header_uq",
          () -> "message with Message-ID <" + message.messageIdHeader() + "> already exists in mailbox "
              + message.mailbox() + " of tenant " + message.tenant(), idTaken, write);
    }
    if (message.to().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("INSERT INTO message_recipients (tenant_id, message_id, "
        + "recipient_index, address) VALUES (:tenant, :message, :index, :address)");
    for (int i = 0; i < message.to().size(); i++) {
      batch.bind("tenant", message.tenant().value())
          .bind("message", message.id().value())
          .bind("index", i)
          .bind("address", message.to().get(i))
          .add();
    }
    batch.execute();
  }

  @Override
  public List<MessageMeta> listByConversation(TenantId tenant, ConversationId conversation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(conversation, "conversation");
    Map<UUID, List<String>> recipients = recipients(tenant, conversation);
    return handle.createQuery("SELECT id, mailbox_id, direction, message_id_header, from_address, subject, "
            + "received_at, size_bytes FROM messages WHERE tenant_id = :tenant AND conversation_id = :conversation "
            + "ORDER BY received_at, seq")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .map((rs, ctx) -> {
          UUID id = Rows.uuid(rs, "id");
          return new MessageMeta(tenant, new MessageId(id), conversation, new MailboxId(Rows.uuid(rs, "mailbox_id")),
              Direction.valueOf(Rows.string(rs, "direction")), rs.getString("message_id_header"),
              Rows.string(rs, "from_address"), recipients.getOrDefault(id, List.of()), Rows.string(rs, "subject"),
              Rows.instant(rs, "received_at"), rs.getLong("size_bytes"));
        })
        .list();
  }

  /** The recipients of every message of the conversation in one query, keyed by message id, in stored order. */
  private Map<UUID, List<String>> recipients(TenantId tenant, ConversationId conversation) {
    Map<UUID, List<String>> byMessage = new HashMap<>();
    handle.createQuery("SELECT r.message_id, r.address FROM message_recipients r JOIN messages m "
            + "ON m.tenant_id = r.tenant_id AND m.id = r.message_id "
            + "WHERE m.tenant_id = :tenant AND m.conversation_id = :conversation ORDER BY r.message_id, "
            + "r.recipient_index")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "message_id"), Rows.string(rs, "address")))
        .forEach(e -> byMessage.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byMessage;
  }
}
