package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Header;
import org.mastermail.message.MessageId;
import org.mastermail.tenant.TenantId;

/**
 * An automatic reply the engine decided to send, as a value: it travels in the routing decision's mail, which core
 * queues in the archiving transaction (an {@link AutoReplySink} may listen too). Its {@code headers} carry {@code Auto-Submitted: auto-replied}
 * (RFC 3834), {@code In-Reply-To} and {@code References}, and it goes out with the null envelope sender {@code <>}, so
 * that a bounce or another robot's answer never comes back.
 *
 * @param inReplyTo the archived message answered
 * @param from the mailbox address it is sent from
 * @param to where it goes: the incoming message's Return-Path, or its From when there is none
 * @param rule the id of the rule that sent it
 */
public record AutoReply(TenantId tenant, MailboxId mailbox, MessageId inReplyTo, String from, String to,
    String subject, String text, List<Header> headers, String rule) {
  /** The header every automatic reply carries. */
  public static final Header AUTO_SUBMITTED = new Header("Auto-Submitted", "auto-replied");

  public AutoReply {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(inReplyTo, "inReplyTo");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    headers = List.copyOf(headers);
    requireNonNull(rule, "rule");
    if (!headers.contains(AUTO_SUBMITTED)) {
      throw new IllegalArgumentException("an automatic reply must carry " + AUTO_SUBMITTED);
    }
  }

  /** The envelope sender (SMTP MAIL FROM): always null, sent as {@code <>}. */
  public @Nullable String envelopeSender() {
    return null;
  }

  /** The first header with this name, ignoring case. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }
}
