package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageId;
import org.mastermail.tenant.TenantId;

/**
 * A rule's decision to hand a copy of a message to a colleague or another mailbox of the same tenant, as a value for
 * outbound mail to send (see {@link ForwardSink}).
 *
 * @param to a user's or a mailbox's address in the tenant
 */
public record Forward(TenantId tenant, MailboxId mailbox, MessageId message, ConversationId conversation, String to,
    String rule) {
  public Forward {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(message, "message");
    requireNonNull(conversation, "conversation");
    requireNonNull(to, "to");
    requireNonNull(rule, "rule");
  }
}
