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
 * Message-ID without angle brackets, unique per tenant and mailbox when present. {@code from} is the sender's address;
 * {@code fromName} the display name the From header gives with it (decoded), or null when it gives none.
 */
public record MessageMeta(TenantId tenant, MessageId id, ConversationId conversation, MailboxId mailbox,
    Direction direction, @Nullable String messageIdHeader, String from, List<String> to, String subject,
    Instant receivedAt, long sizeBytes, @Nullable String fromName) {
  /** The longest display name kept; a longer one is cut (a name is for showing, not for finding mail by). */
  public static final int MAX_FROM_NAME = 200;

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
    if (fromName != null) {
      // shown on one line: a decoded name may carry line breaks or other controls
      fromName = fromName.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
      if (fromName.isEmpty()) {
        fromName = null;
      } else if (fromName.length() > MAX_FROM_NAME) {
        int end = Character.isHighSurrogate(fromName.charAt(MAX_FROM_NAME - 1)) ? MAX_FROM_NAME - 1 : MAX_FROM_NAME;
        fromName = fromName.substring(0, end);
      }
    }
  }

  /** Without a display name. */
  public MessageMeta(TenantId tenant, MessageId id, ConversationId conversation, MailboxId mailbox,
      Direction direction, @Nullable String messageIdHeader, String from, List<String> to, String subject,
      Instant receivedAt, long sizeBytes) {
    this(tenant, id, conversation, mailbox, direction, messageIdHeader, from, to, subject, receivedAt, sizeBytes, null);
  }
}
