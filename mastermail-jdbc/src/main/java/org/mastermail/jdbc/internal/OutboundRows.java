package org.mastermail.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageId;
import org.mastermail.outbound.Delivery;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Maps outbound messages to the columns of {@code outbound_messages} and back. */
final class OutboundRows {
  /** Every column of {@code outbound_messages}. */
  static final String COLUMNS = "tenant_id, id, mailbox_id, conversation_id, author_id, from_address, from_name, "
      + "reply_to, to_addresses, cc_addresses, bcc_addresses, subject, body_text, body_html, in_reply_to, refs, "
      + "attachments, auto_submitted, state, message_id_header, mime, mime_size, attempts, next_attempt_at, "
      + "last_error, claimed_by, claimed_until, sent_at, sent_message_id, created_at, updated_at, version";

  /** The named parameters of {@link #bind}, in the order of {@link #COLUMNS}. */
  static final String VALUES = ":tenant, :id, :mailbox, :conversation, :author, :from, :fromName, :replyTo, :to, :cc, "
      + ":bcc, :subject, :text, :html, :inReplyTo, :references, :attachments, :autoSubmitted, :state, "
      + ":messageIdHeader, :mime, :mimeSize, :attempts, :nextAttemptAt, :lastError, :claimedBy, :claimedUntil, "
      + ":sentAt, :sentMessage, :createdAt, :updatedAt, :version";

  /** The columns a change of delivery writes, as assignments of the parameters {@link #bindDelivery} binds. */
  static final String DELIVERY_ASSIGNMENTS = "state = :state, message_id_header = :messageIdHeader, mime = :mime, "
      + "mime_size = :mimeSize, attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError, "
      + "claimed_by = :claimedBy, claimed_until = :claimedUntil, sent_at = :sentAt, sent_message_id = :sentMessage, "
      + "updated_at = :updatedAt, version = :version";

  // an attachment is one line of tab-separated fields; tabs, line breaks and backslashes in its text are escaped
  private static final char FIELD = '\t';
  private static final char LINE = '\n';
  private static final int ATTACHMENT_FIELDS = 4;

  private OutboundRows() {}

  /** Binds every column of {@code m} by the names of {@link #VALUES}. */
  static <S extends SqlStatement<S>> S bind(S statement, OutboundMessage m) {
    Letter l = m.letter();
    return bindDelivery(statement, m)
        .bind("tenant", m.tenant().value())
        .bind("mailbox", m.mailbox().value())
        .bindByType("conversation", m.conversation() == null ? null : m.conversation().value(), UUID.class)
        .bindByType("author", m.author() == null ? null : m.author().value(), UUID.class)
        .bind("from", l.from())
        .bindByType("fromName", l.fromName(), String.class)
        .bindByType("replyTo", l.replyTo(), String.class)
        .bind("to", Lines.join(l.to()))
        .bind("cc", Lines.join(l.cc()))
        .bind("bcc", Lines.join(l.bcc()))
        .bind("subject", l.subject())
        .bind("text", l.text())
        .bindByType("html", l.html(), String.class)
        .bindByType("inReplyTo", l.inReplyTo(), String.class)
        .bind("references", Lines.join(l.references()))
        .bind("attachments", attachments(l.attachments()))
        .bind("autoSubmitted", l.autoSubmitted())
        .bind("createdAt", m.createdAt());
  }

  /** Binds the id, the delivery's columns, {@code updatedAt} and {@code version} of {@code m}. */
  static <S extends SqlStatement<S>> S bindDelivery(S statement, OutboundMessage m) {
    Delivery d = m.delivery();
    return statement.bind("id", m.id().value())
        .bind("state", d.state().name())
        .bindByType("messageIdHeader", d.messageIdHeader(), String.class)
        .bindByType("mime", d.mime() == null ? null : d.mime().sha256(), String.class)
        .bind("mimeSize", d.mimeSize())
        .bind("attempts", d.attempts())
        .bindByType("nextAttemptAt", d.nextAttemptAt(), Instant.class)
        .bindByType("lastError", d.lastError(), String.class)
        .bindByType("claimedBy", d.claimedBy(), String.class)
        .bindByType("claimedUntil", d.claimedUntil(), Instant.class)
        .bindByType("sentAt", d.sentAt(), Instant.class)
        .bindByType("sentMessage", d.sentMessage() == null ? null : d.sentMessage().value(), UUID.class)
        .bind("updatedAt", m.updatedAt())
        .bind("version", m.version());
  }

  /** Reads a row of {@link #COLUMNS}. */
  static OutboundMessage map(ResultSet rs) throws SQLException {
    UUID conversation = Rows.nullableUuid(rs, "conversation_id");
    UUID author = Rows.nullableUuid(rs, "author_id");
    Letter letter = new Letter(Rows.string(rs, "from_address"), rs.getString("from_name"), rs.getString("reply_to"),
        Lines.split(rs.getString("to_addresses")), Lines.split(rs.getString("cc_addresses")),
        Lines.split(rs.getString("bcc_addresses")), Rows.string(rs, "subject"), Rows.string(rs, "body_text"),
        rs.getString("body_html"), rs.getString("in_reply_to"), Lines.split(rs.getString("refs")),
        attachments(Rows.string(rs, "attachments")), rs.getBoolean("auto_submitted"));
    String mime = rs.getString("mime");
    UUID sentMessage = Rows.nullableUuid(rs, "sent_message_id");
    Delivery delivery = new Delivery(OutboundState.valueOf(Rows.string(rs, "state")),
        rs.getString("message_id_header"), mime == null ? null : BlobId.of(mime), rs.getLong("mime_size"),
        rs.getInt("attempts"), Rows.nullableInstant(rs, "next_attempt_at"), rs.getString("last_error"),
        rs.getString("claimed_by"), Rows.nullableInstant(rs, "claimed_until"), Rows.nullableInstant(rs, "sent_at"),
        sentMessage == null ? null : new MessageId(sentMessage));
    return new OutboundMessage(new TenantId(Rows.uuid(rs, "tenant_id")), new OutboundId(Rows.uuid(rs, "id")),
        new MailboxId(Rows.uuid(rs, "mailbox_id")), conversation == null ? null : new ConversationId(conversation),
        author == null ? null : new UserId(author), letter, delivery, Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"), rs.getLong("version"));
  }

  /** One line per attachment: size, blob, content type and name, the last two escaped. */
  static String attachments(List<OutboundAttachment> attachments) {
    StringBuilder out = new StringBuilder();
    for (OutboundAttachment a : attachments) {
      if (out.length() > 0) {
        out.append(LINE);
      }
      out.append(a.size()).append(FIELD).append(a.blob().sha256()).append(FIELD);
      escape(a.contentType(), out);
      out.append(FIELD);
      escape(a.name(), out);
    }
    return out.toString();
  }

  /** The attachments of a column written by {@link #attachments(List)}. */
  static List<OutboundAttachment> attachments(String column) {
    if (column.isEmpty()) {
      return List.of();
    }
    List<OutboundAttachment> out = new ArrayList<>();
    for (String line : column.split(String.valueOf(LINE), -1)) {
      String[] fields = line.split(String.valueOf(FIELD), -1);
      if (fields.length != ATTACHMENT_FIELDS) {
        throw new IllegalStateException("an attachment line has " + fields.length + " fields, not "
            + ATTACHMENT_FIELDS + ": " + line);
      }
      out.add(new OutboundAttachment(unescape(fields[3]), unescape(fields[2]), BlobId.of(fields[1]),
          Long.parseLong(fields[0])));
    }
    return out;
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case FIELD -> out.append("\\t");
        case LINE -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\' || i + 1 == value.length()) {
        out.append(c);
        continue;
      }
      char next = value.charAt(++i);
      out.append(switch (next) {
        case 't' -> FIELD;
        case 'n' -> LINE;
        case 'r' -> '\r';
        default -> next;
      });
    }
    return out.toString();
  }
}
