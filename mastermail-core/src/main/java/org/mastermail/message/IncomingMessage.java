package org.mastermail.message;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * A message as routing sees it, just archived: its envelope, every top-level header, its bodies and attachments.
 *
 * @param from the sender's address (lower-case domain), "" when the message names none
 * @param returnPath the Return-Path address, "" for the null path {@code <>}, null when absent
 * @param reply whether the message continues an existing conversation
 */
public record IncomingMessage(TenantId tenant, MailboxId mailbox, MessageId id, @Nullable String messageId,
    String from, @Nullable String fromName, List<String> to, List<String> cc, List<String> deliveredTo,
    @Nullable String returnPath, String subject, List<Header> headers, String text, @Nullable String html,
    List<Attachment> attachments, long size, @Nullable Instant sentAt, Instant receivedAt, boolean reply) {
  public IncomingMessage {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(id, "id");
    requireNonNull(from, "from");
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    deliveredTo = List.copyOf(deliveredTo);
    requireNonNull(subject, "subject");
    headers = List.copyOf(headers);
    requireNonNull(text, "text");
    attachments = List.copyOf(attachments);
    requireNonNull(receivedAt, "receivedAt");
  }

  /** The first header with this name, ignoring case. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }

  /** Every header with this name, ignoring case, in order. */
  public List<String> headers(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
  }

  /** The domain of the sender, lower-case, "" when there is none. */
  public String fromDomain() {
    int at = from.lastIndexOf('@');
    return at < 0 ? "" : from.substring(at + 1).toLowerCase(Locale.ROOT);
  }
}
