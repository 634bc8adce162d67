package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * One outbound message: a draft, or mail queued, being sent, sent, failed or cancelled. {@code version} grows with
 * every change; changes made against an older version fail with {@link org.mastermail.ConflictException}.
 *
 * @param mailbox the sending account
 * @param conversation the conversation it belongs to (set for replies and forwards, and for new mail once queued)
 * @param author who wrote it, or null for mail the system sends by itself (auto-replies)
 */
public record OutboundMessage(TenantId tenant, OutboundId id, MailboxId mailbox,
    @Nullable ConversationId conversation, @Nullable UserId author, Letter letter, Delivery delivery,
    Instant createdAt, Instant updatedAt, long version) {
  public OutboundMessage {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(letter, "letter");
    requireNonNull(delivery, "delivery");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
  }

  public OutboundState state() {
    return delivery.state();
  }

  public Optional<ConversationId> conversationIfAny() {
    return Optional.ofNullable(conversation);
  }

  /** The next version with {@code newDelivery}, changed at {@code at}. */
  public OutboundMessage with(Delivery newDelivery, Instant at) {
    return new OutboundMessage(tenant, id, mailbox, conversation, author, letter, newDelivery, createdAt, at,
        version + 1);
  }

  /** The next version with {@code newLetter} (a draft edited, or moved to another sending account). */
  public OutboundMessage with(MailboxId newMailbox, Letter newLetter, Instant at) {
    return new OutboundMessage(tenant, id, newMailbox, conversation, author, newLetter, delivery, createdAt, at,
        version + 1);
  }

  /** The next version, in {@code newConversation} with {@code newDelivery} (a message being queued). */
  public OutboundMessage with(ConversationId newConversation, Delivery newDelivery, Instant at) {
    return new OutboundMessage(tenant, id, mailbox, newConversation, author, letter, newDelivery, createdAt, at,
        version + 1);
  }
}
