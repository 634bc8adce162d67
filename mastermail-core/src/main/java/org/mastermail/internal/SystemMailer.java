package org.mastermail.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.event.EventType;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Delivery;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.SystemMail;

/**
 * Queues mail the system sends by itself (automatic replies, internal forwards) inside the unit of work that decided
 * it, so it commits, and is sent, with the archived message or not at all.
 */
public final class SystemMailer {
  private final OutboundMime mime;
  private final @Nullable String messageIdDomain;

  public SystemMailer(org.mastermail.blob.BlobStore blobs, @Nullable String messageIdDomain) {
    this.mime = new OutboundMime(blobs);
    this.messageIdDomain = messageIdDomain;
  }

  OutboundMessage queue(Work w, Conversation c, SystemMail mail) {
    Mailbox from = w.s().mailboxes().find(c.tenant(), mail.from())
        .orElseThrow(() -> new IllegalArgumentException("mailbox " + mail.from() + " is not in the tenant"));
    Compose compose = Compose.from(from.id()).to(mail.to().toArray(String[]::new)).subject(mail.subject())
        .text(mail.text()).inReplyTo(mail.inReplyTo(), mail.references()).build();
    Letter letter = Letters.of(compose, from, w.s().outbound().account(c.tenant(), from.id()), java.util.List.of(),
        mail.autoReply());
    String messageId = messageId(letter.from(), messageIdDomain);
    SingleInstanceStore.Archived bytes = mime.store(letter, messageId, w.now());
    OutboundMessage m = new OutboundMessage(c.tenant(), OutboundId.random(), from.id(), c.id(), null, letter,
        Delivery.draft().queued(messageId, bytes.skeleton(), bytes.rawSize(), w.now()), w.now(), w.now(), 1);
    w.s().outbound().insert(m);
    w.event(c.tenant(), EventType.OUTBOUND_QUEUED, c.id(), null, null, messageId, 0);
    w.mailQueued();
    return m;
  }

  /** A new Message-ID of ours: in {@code domain}, or the sending address's domain. */
  static String messageId(String from, @Nullable String domain) {
    String d = domain != null ? domain : from.substring(from.indexOf('@') + 1);
    return "mm." + UUID.randomUUID().toString().replace("-", "") + "@" + d;
  }
}
