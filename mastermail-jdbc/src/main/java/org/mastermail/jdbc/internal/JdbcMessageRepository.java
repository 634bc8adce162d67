package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.Correspondence;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.MessageRepository;
import org.mastermail.tenant.TenantId;

final class JdbcMessageRepository implements MessageRepository {
  private final Handle handle;
  private final Dialect dialect;
  /**
   * The last message this session inserted: its content usually follows at once, and needs its received time and
   * addresses, which then need not be read back (two queries per archived message).
   */
  private @Nullable MessageMeta lastInserted;

  JdbcMessageRepository(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public void insert(MessageMeta message) {
    requireNonNull(message, "message");
    IntSupplier write = () -> bindMeta(handle.createUpdate(INSERT_MESSAGE), message).execute();
    Supplier<String> idTaken = () -> "message " + message.id() + " already exists in tenant " + message.tenant();
    if (message.messageIdHeader() == null) {
      SqlErrors.idWrite(idTaken, write);
    } else {
      // a redelivered message is expected here; the intake then rolls back and archives again, finding it (no
      // savepoint: two round trips per message saved, and PostgreSQL could not go on in the transaction anyway)
      SqlErrors.uniqueWriteEndingTransaction("messages_header_uq",
          () -> "message with Message-ID <" + message.messageIdHeader() + "> already exists in mailbox "
              + message.mailbox() + " of tenant " + message.tenant(), idTaken, write);
    }
    lastInserted = message;
    if (message.to().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(INSERT_RECIPIENT);
    bindRecipients(batch, message);
    batch.execute();
  }

  private static final String INSERT_MESSAGE = "INSERT INTO messages (tenant_id, id, conversation_id, mailbox_id, "
      + "direction, message_id_header, from_address, from_name, subject, received_at, size_bytes) VALUES (:tenant, "
      + ":id, :conversation, :mailbox, :direction, :header, :from, :fromName, :subject, :receivedAt, :size)";
  private static final String INSERT_RECIPIENT = "INSERT INTO message_recipients (tenant_id, message_id, "
      + "recipient_index, address) VALUES (:tenant, :message, :index, :address)";
  private static final String INSERT_CONTENT = "INSERT INTO message_contents (tenant_id, message_id, mailbox_id, "
      + "skeleton, raw_sha256, subject_key, received_at, sent_at, cc, in_reply_to, refs, body_text, truncated, "
      + "body_html, problems, search_text) VALUES (:tenant, :message, :mailbox, :skeleton, :raw, :subjectKey, "
      + ":receivedAt, :sentAt, :cc, :inReplyTo, :refs, :text, :truncated, :html, :problems, :search)";
  private static final String INSERT_ATTACHMENT = "INSERT INTO message_attachments (tenant_id, message_id, position, "
      + "part_path, filename, content_type, size_bytes, sha256, stored, inline_part, content_id) VALUES (:tenant, "
      + ":message, :position, :path, :filename, :type, :size, :sha, :stored, :inline, :cid)";

  private static <S extends SqlStatement<S>> S bindMeta(S statement, MessageMeta message) {
    return statement.bind("tenant", message.tenant().value())
        .bind("id", message.id().value())
        .bind("conversation", message.conversation().value())
        .bind("mailbox", message.mailbox().value())
        .bind("direction", message.direction().name())
        .bindByType("header", message.messageIdHeader(), String.class)
        .bind("from", message.from())
        .bindByType("fromName", message.fromName(), String.class)
        .bind("subject", message.subject())
        .bind("receivedAt", message.receivedAt())
        .bind("size", message.sizeBytes());
  }

  private static void bindRecipients(PreparedBatch batch, MessageMeta message) {
    for (int i = 0; i < message.to().size(); i++) {
      batch.bind("tenant", message.tenant().value())
          .bind("message", message.id().value())
          .bind("index", i)
          .bind("address", message.to().get(i))
          .add();
    }
  }

  /** The content row of {@code content}; {@code meta} gives its received time and the addresses searched. */
  private static <S extends SqlStatement<S>> S bindContent(S statement, MessageMeta meta, MessageContent content) {
    return statement.bind("tenant", content.tenant().value()).bind("message", content.message().value())
        .bind("mailbox", content.mailbox().value())
        .bind("skeleton", content.skeleton().sha256()).bind("raw", content.rawSha256().sha256())
        .bind("subjectKey", content.subjectKey()).bind("receivedAt", meta.receivedAt())
        .bindByType("sentAt", content.sentAt(), Instant.class)
        .bind("cc", Lines.join(content.cc()))
        .bindByType("inReplyTo", content.inReplyTo(), String.class)
        .bind("refs", Lines.join(content.references())).bind("text", content.text())
        .bind("truncated", content.truncated()).bindByType("html", content.html(), String.class)
        .bind("problems", Lines.join(content.problems()))
        .bind("search", searchText(meta, content));
  }

  private static void bindAttachments(PreparedBatch batch, MessageContent content) {
    UUID tenant = content.tenant().value();
    UUID message = content.message().value();
    for (Attachment a : content.attachments()) {
      batch.bind("tenant", tenant).bind("message", message).bind("position", a.index()).bind("path", a.partPath())
          .bindByType("filename", a.filename(), String.class).bind("type", a.contentType()).bind("size", a.size())
          .bind("sha", a.sha256().sha256()).bind("stored", a.stored()).bind("inline", a.inline())
          .bindByType("cid", a.contentId(), String.class).add();
    }
  }

  @Override
  public Map<ConversationId, Correspondence> correspondence(TenantId tenant, Collection<ConversationId> ids) {
    requireNonNull(tenant, "tenant");
    if (ids.isEmpty()) {
      return Map.of();
    }
    // every message of the page's conversations, numbered per conversation: incoming before outgoing, then the
    // latest first (the order of listByConversation, reversed)
    Sql sql = new Sql().append("SELECT conversation_id, from_address, from_name, messages FROM (SELECT "
            + "m.conversation_id, m.from_address, m.from_name, COUNT(*) OVER (PARTITION BY m.conversation_id) AS messages, ROW_NUMBER() OVER "
            + "(PARTITION BY m.conversation_id ORDER BY CASE WHEN m.direction = 'INCOMING' THEN 0 ELSE 1 END, "
            + "m.received_at DESC, m.seq DESC) AS position FROM messages m WHERE ")
        .keyedIn(dialect, List.of("m.tenant_id"), List.of(tenant.value()), "m.conversation_id",
            ids.stream().map(ConversationId::value).distinct().toList())
        .append(") latest WHERE position = 1");
    Map<ConversationId, Correspondence> result = new HashMap<>();
    sql.query(handle).map((rs, ctx) -> Map.entry(new ConversationId(Rows.uuid(rs, "conversation_id")),
            new Correspondence(Rows.string(rs, "from_address"), rs.getString("from_name"), rs.getInt("messages"))))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  @Override
  public List<MessageMeta> listByConversation(TenantId tenant, ConversationId conversation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(conversation, "conversation");
    Map<UUID, List<String>> recipients = recipients(tenant, conversation);
    return handle.createQuery("SELECT id, mailbox_id, direction, message_id_header, from_address, from_name, "
            + "subject, received_at, size_bytes FROM messages WHERE tenant_id = :tenant AND conversation_id = :conversation "
            + "ORDER BY received_at, seq")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .map((rs, ctx) -> {
          UUID id = Rows.uuid(rs, "id");
          return new MessageMeta(tenant, new MessageId(id), conversation, new MailboxId(Rows.uuid(rs, "mailbox_id")),
              Direction.valueOf(Rows.string(rs, "direction")), rs.getString("message_id_header"),
              Rows.string(rs, "from_address"), recipients.getOrDefault(id, List.of()), Rows.string(rs, "subject"),
              Rows.instant(rs, "received_at"), rs.getLong("size_bytes"), rs.getString("from_name"));
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

  private static final String META_COLUMNS = "m.id, m.conversation_id, m.mailbox_id, m.direction, m.message_id_header, "
      + "m.from_address, m.from_name, m.subject, m.received_at, m.size_bytes";

  @Override
  public Optional<MessageMeta> find(TenantId tenant, MessageId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return metas(tenant, new Sql().append("SELECT " + META_COLUMNS + " FROM messages m WHERE m.tenant_id = ")
        .param(tenant.value()).append(" AND m.id = ").param(id.value())).stream().findFirst();
  }

  @Override
  public Optional<MessageMeta> findByRawSha256(TenantId tenant, MailboxId mailbox, BlobId rawSha256) {
    requireNonNull(tenant, "tenant");
    return metas(tenant, new Sql().append("SELECT " + META_COLUMNS + " FROM message_contents c JOIN messages m "
            + "ON m.tenant_id = c.tenant_id AND m.id = c.message_id WHERE c.tenant_id = ").param(tenant.value())
        .append(" AND c.mailbox_id = ").param(mailbox.value()).append(" AND c.raw_sha256 = ")
        .param(rawSha256.sha256())).stream().findFirst();
  }

  @Override
  public List<MessageMeta> findByMessageIds(TenantId tenant, MailboxId mailbox, Collection<String> messageIds) {
    requireNonNull(tenant, "tenant");
    if (messageIds.isEmpty()) {
      return List.of();
    }
    return metas(tenant, new Sql().append("SELECT " + META_COLUMNS + " FROM messages m WHERE ")
        .keyedIn(dialect, List.of("m.tenant_id", "m.mailbox_id"), List.of(tenant.value(), mailbox.value()),
            "m.message_id_header", List.copyOf(messageIds))
        .append(" ORDER BY m.seq"));
  }

  @Override
  public List<MessageMeta> findBySubjectKey(TenantId tenant, MailboxId mailbox, String subjectKey, Instant since,
      int limit) {
    requireNonNull(tenant, "tenant");
    return metas(tenant, new Sql().append("SELECT " + META_COLUMNS + " FROM message_contents c JOIN messages m "
            + "ON m.tenant_id = c.tenant_id AND m.id = c.message_id WHERE c.tenant_id = ").param(tenant.value())
        .append(" AND c.mailbox_id = ").param(mailbox.value()).append(" AND c.subject_key = ").param(subjectKey)
        .append(" AND c.received_at >= ").param(since)
        .append(" ORDER BY c.received_at DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY"));
  }

  /** Messages with their recipients, in the order of {@code sql}. */
  private List<MessageMeta> metas(TenantId tenant, Sql sql) {
    List<MessageMeta> found = sql.query(handle).map((rs, ctx) -> new MessageMeta(tenant,
        new MessageId(Rows.uuid(rs, "id")), new ConversationId(Rows.uuid(rs, "conversation_id")),
        new MailboxId(Rows.uuid(rs, "mailbox_id")), Direction.valueOf(Rows.string(rs, "direction")),
        rs.getString("message_id_header"), Rows.string(rs, "from_address"), List.of(), Rows.string(rs, "subject"),
        Rows.instant(rs, "received_at"), rs.getLong("size_bytes"), rs.getString("from_name"))).list();
    if (found.isEmpty()) {
      return found;
    }
    Map<UUID, List<String>> recipients = new HashMap<>();
    new Sql().append("SELECT message_id, address FROM message_recipients WHERE ")
        .keyedIn(dialect, List.of("tenant_id"), List.of(tenant.value()), "message_id",
            found.stream().map(m -> m.id().value()).distinct().toList())
        .append(" ORDER BY message_id, recipient_index")
        .query(handle)
        .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "message_id"), Rows.string(rs, "address")))
        .forEach(e -> recipients.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<MessageMeta> result = new ArrayList<>(found.size());
    for (MessageMeta m : found) {
      result.add(new MessageMeta(m.tenant(), m.id(), m.conversation(), m.mailbox(), m.direction(),
          m.messageIdHeader(), m.from(), recipients.getOrDefault(m.id().value(), List.of()), m.subject(),
          m.receivedAt(), m.sizeBytes(), m.fromName()));
    }
    return result;
  }

  @Override
  public void insertContent(MessageContent content) {
    requireNonNull(content, "content");
    UUID message = content.message().value();
    MessageMeta last = lastInserted;
    MessageMeta meta = last != null && last.tenant().equals(content.tenant()) && last.id().equals(content.message())
        ? last : find(content.tenant(), content.message()).orElseThrow(() -> new NotFoundException("message " + message + " must be inserted before its content"));
    // as in insert: on a duplicate the caller rolls back, so no savepoint
    SqlErrors.uniqueWriteEndingTransaction("message_contents_raw_uq",
        () -> "mailbox " + content.mailbox() + " already holds a message with SHA-256 " + content.rawSha256(),
        () -> "message " + message + " already has its content",
        () -> bindContent(handle.createUpdate(INSERT_CONTENT), meta, content).execute());
    if (content.attachments().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(INSERT_ATTACHMENT);
    bindAttachments(batch, content);
    batch.execute();
  }

  /** Each kind of row in one batch: messages, recipients, contents, attachments. */
  @Override
  public void insertAll(List<MessageMeta> messages, List<MessageContent> contents) {
    requireNonNull(messages, "messages");
    requireNonNull(contents, "contents");
    if (messages.size() != contents.size()) {
      throw new IllegalArgumentException("one content per message: " + messages.size() + " messages, "
          + contents.size() + " contents");
    }
    if (messages.isEmpty()) {
      return;
    }
    PreparedBatch metas = handle.prepareBatch(INSERT_MESSAGE);
    PreparedBatch recipients = handle.prepareBatch(INSERT_RECIPIENT);
    PreparedBatch bodies = handle.prepareBatch(INSERT_CONTENT);
    PreparedBatch attachments = handle.prepareBatch(INSERT_ATTACHMENT);
    for (int i = 0; i < messages.size(); i++) {
      MessageMeta meta = messages.get(i);
      MessageContent content = contents.get(i);
      if (!meta.tenant().equals(content.tenant()) || !meta.id().equals(content.message())) {
        throw new IllegalArgumentException("content " + i + " belongs to another message");
      }
      bindMeta(metas, meta).add();
      bindRecipients(recipients, meta);
      bindContent(bodies, meta, content).add();
      bindAttachments(attachments, content);
    }
    // a Message-ID or SHA-256 already in the mailbox fails the batch; the caller rolls back (PostgreSQL has aborted
    // the transaction) and may insert one by one to find which
    SqlErrors.idWrite(() -> "one of " + messages.size() + " messages, or its Message-ID or SHA-256, already exists",
        () -> {
          metas.execute();
          if (recipients.size() > 0) {
            recipients.execute();
          }
          bodies.execute();
          if (attachments.size() > 0) {
            attachments.execute();
          }
          return messages.size();
        });
    lastInserted = messages.get(messages.size() - 1);
  }

  @Override
  public Optional<MessageContent> content(TenantId tenant, MessageId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    List<Attachment> attachments = handle.createQuery("SELECT position, part_path, filename, content_type, "
            + "size_bytes, sha256, stored, inline_part, content_id FROM message_attachments WHERE tenant_id = :tenant "
            + "AND message_id = :message ORDER BY position")
        .bind("tenant", tenant.value()).bind("message", id.value())
        .map((rs, ctx) -> new Attachment(rs.getInt("position"), Rows.string(rs, "part_path"),
            rs.getString("filename"), Rows.string(rs, "content_type"), rs.getLong("size_bytes"),
            BlobId.of(Rows.string(rs, "sha256")), rs.getBoolean("stored"), rs.getBoolean("inline_part"),
            rs.getString("content_id")))
        .list();
    return handle.createQuery("SELECT * FROM message_contents WHERE tenant_id = :tenant AND message_id = :message")
        .bind("tenant", tenant.value()).bind("message", id.value())
        .map((rs, ctx) -> new MessageContent(tenant, id, new MailboxId(Rows.uuid(rs, "mailbox_id")),
            BlobId.of(Rows.string(rs, "skeleton")), BlobId.of(Rows.string(rs, "raw_sha256")),
            Rows.string(rs, "subject_key"), Rows.nullableInstant(rs, "sent_at"), Lines.split(rs.getString("cc")),
            rs.getString("in_reply_to"), Lines.split(rs.getString("refs")), Rows.string(rs, "body_text"),
            rs.getBoolean("truncated"), rs.getString("body_html"), attachments,
            Lines.split(rs.getString("problems"))))
        .findOne();
  }

  /**
   * Subject, sender, recipients and attachment names: what full-text search looks in besides the text body, which it
   * reads from {@code body_text} (PostgreSQL's index covers both columns; see migration V11), so that no body is
   * stored twice.
   */
  private static String searchText(MessageMeta meta, MessageContent content) {
    StringBuilder text = new StringBuilder().append(meta.subject()).append('\n').append(meta.from()).append('\n')
        .append(String.join(" ", meta.to())).append('\n').append(String.join(" ", content.cc())).append('\n');
    for (Attachment a : content.attachments()) {
      if (a.filename() != null) {
        text.append(a.filename()).append('\n');
      }
    }
    return text.toString();
  }
}
