package org.mastermail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.Conversation;
import org.mastermail.event.EventType;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.OutboundMessage;

/**
 * The transactional half of a successful send: the message joins its conversation as an outgoing message (so that
 * replies to its Message-ID thread back), the conversation counts it as activity, and the outbound row is marked sent.
 */
final class SentMail {
  private SentMail() {}

  /**
   * Records {@code m} as sent, unless another dispatcher took it over meanwhile (then nothing changes and false is
   * returned: that dispatcher records it).
   */
  static boolean record(Work w, OutboundMessage m, BlobId rawSha256) {
    Letter l = m.letter();
    String messageId = m.delivery().messageIdHeader();
    Conversation c = w.s().conversations().find(m.tenant(), requireConversation(m))
        .orElseThrow(() -> new IllegalStateException("outbound message " + m.id() + " points at a missing"
            + " conversation"));
    // the same mail may have come back through a source (a Sent folder fetched, a copy to ourselves): its Message-ID,
    // ours and unique in the mailbox, finds it (the same bytes carry the same Message-ID)
    Optional<MessageMeta> already = messageId == null ? Optional.empty()
        : w.s().messages().findByMessageIds(m.tenant(), c.mailbox(), List.of(messageId)).stream().findFirst();
    MessageId archived = already.map(MessageMeta::id).orElseGet(MessageId::random);
    // the claim's version guards the rest: a dispatcher that took the message over changed it, and records it itself
    if (!w.s().outbound().update(m.with(m.delivery().sent(w.now(), archived), w.now()))) {
      return false;
    }
    if (already.isEmpty()) {
      w.s().messages().insert(new MessageMeta(m.tenant(), archived, c.id(), c.mailbox(), Direction.OUTGOING,
          messageId, l.from(), l.to(), l.subject(), w.now(), m.delivery().mimeSize()));
      w.s().messages().insertContent(new MessageContent(m.tenant(), archived, c.mailbox(),
          m.delivery().mime(), rawSha256, Subjects.key(l.subject()), m.updatedAt(), l.cc(), l.inReplyTo(),
          l.references(), Text.storable(l.text()), false, Text.storableOrNull(l.html()), attachments(l),
          List.of()));
    }
    Conversation next = touch(w, c);
    w.event(m.tenant(), EventType.MESSAGE_SENT, c.id(), m.author(), null, messageId, next.version());
    return true;
  }

  /**
   * Marks the conversation active now. A colleague may change it at the same moment; then the change is made again on
   * their version rather than failing, since recording a sent message must not depend on who else is at work.
   */
  private static Conversation touch(Work w, Conversation c) {
    Conversation current = c;
    for (int attempt = 0; attempt < 5; attempt++) {
      Conversation next = current.change().lastActivityAt(w.now()).done();
      if (w.s().conversations().update(next)) {
        return next;
      }
      current = w.s().conversations().find(c.tenant(), c.id())
          .orElseThrow(() -> new IllegalStateException("conversation " + c.id() + " vanished"));
    }
    throw new IllegalStateException("conversation " + c.id() + " keeps changing; the sent message is recorded later");
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

  private static org.mastermail.conversation.ConversationId requireConversation(OutboundMessage m) {
    if (m.conversation() == null) {
      throw new IllegalStateException("queued message " + m.id() + " has no conversation");
    }
    return m.conversation();
  }
}
