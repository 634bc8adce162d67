package org.mastermail.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.tenant.TenantId;

/**
 * The transactional half of a successful send: the message joins its conversation as an outgoing message (so that
 * replies to its Message-ID thread back), the conversation counts it as activity, and the outbound row is marked sent.
 * A dispatcher records the messages of a batch together, each kind of row in one call to storage, since a few round
 * trips per message cost far more than sending it.
 */
final class SentMail {
  private SentMail() {}

  /** A message sent as it is stored, and the SHA-256 of the bytes sent. */
  record Copy(OutboundMessage message, BlobId rawSha256) {}

  /** Another dispatcher took a message over while this one sent it; it records the message itself. */
  static final class TakenOverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TakenOverException(OutboundMessage m) {
      super("outbound message " + m.id() + " was taken over by another dispatcher while this one sent it", null,
          false, false);
    }
  }

  /**
   * Records the copies as sent. Throws {@link TakenOverException} when another dispatcher took one of them over (its
   * claim's version no longer matches): then the transaction must be rolled back, as nothing of that message may be
   * recorded here.
   */
  static void recordAll(Work w, List<Copy> copies) {
    if (copies.isEmpty()) {
      return;
    }
    Map<ConversationId, Conversation> touched = touch(w, copies);
    Map<String, MessageId> already = archivedAlready(w, copies, touched);
    List<OutboundMessage> sent = new ArrayList<>(copies.size());
    List<MessageMeta> metas = new ArrayList<>();
    List<MessageContent> contents = new ArrayList<>();
    List<Event> events = new ArrayList<>(copies.size());
    for (Copy copy : copies) {
      OutboundMessage m = copy.message();
      Letter l = m.letter();
      String messageId = m.delivery().messageIdHeader();
      Conversation c = touched.get(requireConversation(m));
      MessageId existing = messageId == null ? null : already.get(messageId);
      MessageId archived = existing != null ? existing : MessageId.random();
      sent.add(m.with(m.delivery().sent(w.now(), archived), w.now()));
      if (existing == null) {
        metas.add(new MessageMeta(m.tenant(), archived, c.id(), c.mailbox(), Direction.OUTGOING, messageId, l.from(),
            l.to(), l.subject(), w.now(), m.delivery().mimeSize(), l.fromName()));
        contents.add(new MessageContent(m.tenant(), archived, c.mailbox(), m.delivery().mime(), copy.rawSha256(),
            Subjects.key(l.subject()), m.updatedAt(), l.cc(), l.inReplyTo(), l.references(), Text.storable(l.text()),
            false, Text.storableOrNull(l.html()), attachments(l), List.of()));
      }
      events.add(w.newEvent(m.tenant(), EventType.MESSAGE_SENT, c.id(), m.author(), null, messageId, c.version()));
    }
    // the claims' versions guard the rest: a dispatcher that took a message over changed it, and records it itself
    boolean[] updated = w.s().outbound().updateDeliveries(sent);
    for (int i = 0; i < updated.length; i++) {
      if (!updated[i]) {
        throw new TakenOverException(copies.get(i).message());
      }
    }
    w.s().messages().insertAll(metas, contents);
    w.appendAll(events);
  }

  /**
   * Marks the conversations active now, each once, whoever else changes them at the same moment: recording a sent
   * message must not depend on who else is at work. Returns them at their new versions.
   */
  private static Map<ConversationId, Conversation> touch(Work w, List<Copy> copies) {
    Map<TenantId, Set<ConversationId>> byTenant = new LinkedHashMap<>();
    for (Copy copy : copies) {
      byTenant.computeIfAbsent(copy.message().tenant(), t -> new TreeSet<>(BY_VALUE))
          .add(requireConversation(copy.message()));
    }
    Map<ConversationId, Conversation> touched = new HashMap<>();
    byTenant.forEach((tenant, ids) -> w.s().conversations().touch(tenant, ids, w.now())
        .forEach(c -> touched.put(c.id(), c)));
    for (Copy copy : copies) {
      if (!touched.containsKey(copy.message().conversation())) {
        throw new IllegalStateException("outbound message " + copy.message().id() + " points at a missing"
            + " conversation");
      }
    }
    return touched;
  }

  /** Conversations in key order, so that two dispatchers lock them in the same order. */
  private static final Comparator<ConversationId> BY_VALUE = Comparator.comparing(ConversationId::value);

  /**
   * The archived messages that already carry the copies' Message-IDs: the same mail may have come back through a
   * source (a Sent folder fetched, a copy to ourselves); its Message-ID, ours and unique in the mailbox, finds it.
   */
  private static Map<String, MessageId> archivedAlready(Work w, List<Copy> copies,
      Map<ConversationId, Conversation> touched) {
    Map<TenantId, Map<MailboxId, List<String>>> wanted = new LinkedHashMap<>();
    for (Copy copy : copies) {
      String messageId = copy.message().delivery().messageIdHeader();
      if (messageId != null) {
        MailboxId mailbox = touched.get(copy.message().conversation()).mailbox();
        wanted.computeIfAbsent(copy.message().tenant(), t -> new LinkedHashMap<>())
            .computeIfAbsent(mailbox, b -> new ArrayList<>()).add(messageId);
      }
    }
    Map<String, MessageId> found = new HashMap<>();
    wanted.forEach((tenant, byMailbox) -> byMailbox.forEach((mailbox, ids) -> w.s().messages()
        .findByMessageIds(tenant, mailbox, ids)
        .forEach(meta -> {
          if (meta.messageIdHeader() != null) {
            found.putIfAbsent(meta.messageIdHeader(), meta.id());
          }
        })));
    return found;
  }

  /** The files as the composer laid them out: the body is part 1, the files parts 2, 3… of multipart/mixed. */
  private static List<Attachment> attachments(Letter l) {
    List<Attachment> result = new ArrayList<>();
    for (int i = 0; i < l.attachments().size(); i++) {
      OutboundAttachment a = l.attachments().get(i);
      result.add(new Attachment(i, String.valueOf(i + 2), a.name(), a.contentType(), a.size(), a.blob(), true, false,
          null));
    }
    return result;
  }

  private static ConversationId requireConversation(OutboundMessage m) {
    if (m.conversation() == null) {
      throw new IllegalStateException("queued message " + m.id() + " has no conversation");
    }
    return m.conversation();
  }
}
