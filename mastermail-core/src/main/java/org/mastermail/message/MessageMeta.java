package org.mastermail.message;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * The metadata of one archived message: enough to list and thread it. {@code messageIdHeader} is the RFC 5322
 * Message-ID without angle brackets, unique per tenant and mailbox when present.
 */
public record MessageMeta(TenantId tenant, MessageId id, ConversationId conversation, MailboxId mailbox,
    Direction direction, @Nullable String messageIdHeader, String from, List<String> to, String subject,
    Instant receivedAt, long sizeBytes) {
  public MessageMeta {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(conversation, "conversation");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(direction, "direction");
    requireNonNull(from, "from");
    to = List.copyOf(requireNonNull(to, "to"));
    requireNonNull(subject, "subject");
    requireNonNull(receivedAt, "receivedAt");
  }
}
