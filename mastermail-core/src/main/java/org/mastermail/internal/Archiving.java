package org.mastermail.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.IngestResult.Outcome;
import org.mastermail.intake.SourceItem;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.internal.parse.Address;
import org.mastermail.internal.parse.AttachmentInfo;
import org.mastermail.internal.parse.ParsedMessage;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.rule.Router;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.tenant.TenantId;

/**
 * The transactional half of an ingest: deduplication, threading, conversation, message, events and the source
 * position, all in the caller's unit of work so that they commit together or not at all.
 */
final class Archiving {
  private static final int MAX_SUBJECT = 1000;

  private Archiving() {}

  static IngestResult archive(Work w, TenantId tenant, MailboxId mailbox, @Nullable SourceItem item,
      SingleInstanceStore.Archived archived, ParsedMessage parsed, BlobStore blobs, Router router,
      @Nullable SystemMailer mailer) {
    w.s().mailboxes().find(tenant, mailbox)
        .orElseThrow(() -> new NotFoundException("mailbox " + mailbox + " not found in tenant " + tenant));
    if (item != null && w.s().sources().known(tenant, item.source(), item.folder(), item.key())) {
      return new IngestResult(Outcome.DUPLICATE, null, null, List.of());
    }
    Optional<MessageMeta> sameBytes = w.s().messages().findByRawSha256(tenant, mailbox, archived.rawSha256());
    if (sameBytes.isPresent()) {
      return duplicate(w, tenant, item, sameBytes.get());
    }
    String from = sender(parsed);
    String subject = subject(parsed);
    List<String> problems = new ArrayList<>(parsed.problems());
    String messageId = MessageIds.usable(parsed.messageId());
    if (parsed.messageId() != null && messageId == null) {
      problems.add("Message-ID longer than " + MessageIds.MAX_LENGTH + " characters or malformed: not used for"
          + " threading");
    }
    if (messageId != null) {
      List<MessageMeta> clash = w.s().messages().findByMessageIds(tenant, mailbox, List.of(messageId));
      if (!clash.isEmpty()) {
        MessageMeta prior = clash.get(0);
        if (prior.from().equalsIgnoreCase(from) && prior.subject().equals(subject)) {
          return duplicate(w, tenant, item, prior); // the same message again by another route
        }
        problems.add("Message-ID <" + messageId + "> is already used by message " + prior.id()
            + " with another sender or subject; archived without it as a threading key");
        messageId = null;
      }
    }
    String subjectKey = Subjects.key(subject);
    Optional<ConversationId> thread = Threading.find(w.s(), tenant, mailbox, parsed, from.isEmpty() ? null : from,
        subjectKey, w.now());
    // a new conversation's event goes into the log with the message's, in one batch
    List<Event> events = new ArrayList<>(2);
    Conversation conversation = thread.isPresent() ? continueThread(w, tenant, thread.get())
        : startThread(w, tenant, mailbox, subject, events);
    // the skeleton and small attachments: with the message, so that they are visible only once it commits
    blobs.putAll(archived.held(), w.s());
    MessageId id = MessageId.random();
    MessageMeta meta = new MessageMeta(tenant, id, conversation.id(), mailbox, Direction.INCOMING, messageId, from,
        addresses(parsed.to()), subject, w.now(), archived.rawSize(), senderName(parsed));
    w.s().messages().insert(meta);
    List<Attachment> attachments = attachments(parsed, archived);
    w.s().messages().insertContent(new MessageContent(tenant, id, mailbox, archived.skeleton(), archived.rawSha256(),
        subjectKey, parsed.date(), addresses(parsed.cc()), MessageIds.usable(parsed.inReplyTo()),
        usableIds(parsed.references()),
        Text.storable(parsed.text()), parsed.truncated(), Text.storableOrNull(parsed.html()),
        attachments, problems.stream().map(Text::storable).toList()));
    events.add(w.newEvent(tenant, EventType.MESSAGE_RECEIVED, conversation.id(), null, null, id,
        conversation.version()));
    w.appendAll(events);
    conversation = Routing.route(w, router, mailer, conversation, meta, parsed, attachments, thread.isPresent());
    if (item != null) {
      w.s().sources().record(tenant, item, id);
      advance(w, tenant, item);
    }
    return new IngestResult(Outcome.ARCHIVED, id, conversation.id(), problems);
  }

  static IngestResult rejectTooLarge(Work w, TenantId tenant, MailboxId mailbox, @Nullable SourceItem item,
      long limit) {
    w.s().mailboxes().find(tenant, mailbox)
        .orElseThrow(() -> new NotFoundException("mailbox " + mailbox + " not found in tenant " + tenant));
    if (item != null && w.s().sources().known(tenant, item.source(), item.folder(), item.key())) {
      return new IngestResult(Outcome.DUPLICATE, null, null, List.of());
    }
    String where = item == null ? "a message" : "message " + item.key() + " of " + item.source() + "/" + item.folder();
    w.event(tenant, EventType.MESSAGE_REJECTED, null, null, mailbox,
        where + " is larger than the limit of " + limit + " bytes and was not archived", 0);
    if (item != null) {
      w.s().sources().record(tenant, item, null);
      advance(w, tenant, item);
    }
    return new IngestResult(Outcome.TOO_LARGE, null, null, List.of("larger than " + limit + " bytes"));
  }

  private static IngestResult duplicate(Work w, TenantId tenant, @Nullable SourceItem item, MessageMeta prior) {
    if (item != null) {
      w.s().sources().record(tenant, item, prior.id());
      advance(w, tenant, item);
    }
    return new IngestResult(Outcome.DUPLICATE, prior.id(), prior.conversation(), List.of());
  }

  /** Moves an IMAP folder's position to the item, in the same transaction as the message. */
  private static void advance(Work w, TenantId tenant, SourceItem item) {
    if (item.uid() == 0) {
      return;
    }
    w.s().sources().advance(tenant, item.source(), item.folder(), item.uidValidity(), item.uid());
  }

  /** A reply stays with its assignee; a closed conversation opens again at the first open status. */
  private static Conversation continueThread(Work w, TenantId tenant, ConversationId id) {
    Conversation c = w.s().conversations().find(tenant, id)
        .orElseThrow(() -> new IllegalStateException("message points at missing conversation " + id));
    Conversation.Change change = c.change().lastActivityAt(w.now());
    List<Status> statuses = w.s().statuses().list(tenant);
    Status current = statuses.stream().filter(s -> s.id().equals(c.status())).findFirst().orElse(null);
    Status reopen = statuses.stream().filter(s -> s.category() == StatusCategory.OPEN).findFirst().orElse(null);
    boolean reopening = current != null && current.category() == StatusCategory.CLOSED && reopen != null;
    if (reopening) {
      change.status(reopen.id());
    }
    Conversation next = w.save(change.done());
    if (reopening) {
      w.event(tenant, EventType.STATUS_CHANGED, next.id(), null, current.name(), reopen.name(), next.version());
    }
    return next;
  }

  /** Inserts a new conversation; its event is added to {@code events}, for the caller to append. */
  private static Conversation startThread(Work w, TenantId tenant, MailboxId mailbox, String subject,
      List<Event> events) {
    Status first = w.s().statuses().list(tenant).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no status"));
    Conversation c = new Conversation(tenant, ConversationId.random(), mailbox, subject, null, first.id(), null, false,
        Set.of(), Set.of(), w.now(), w.now(), 1);
    w.s().conversations().insert(c);
    events.add(w.newEvent(tenant, EventType.CONVERSATION_CREATED, c.id(), null, null, subject, c.version()));
    return c;
  }

  private static List<Attachment> attachments(ParsedMessage parsed, SingleInstanceStore.Archived archived) {
    Map<BlobId, Boolean> extracted = new HashMap<>();
    for (SingleInstanceStore.ExtractedPart part : archived.parts()) {
      extracted.put(part.blob(), Boolean.TRUE);
    }
    List<Attachment> result = new ArrayList<>();
    for (AttachmentInfo a : parsed.attachments()) {
      BlobId sha = BlobId.of(a.sha256());
      result.add(new Attachment(result.size(), a.partPath(), Text.storableOrNull(a.filename()),
          Text.storable(a.contentType()), a.size(), sha, extracted.containsKey(sha), a.inline(),
          Text.storableOrNull(a.contentId())));
    }
    return result;
  }

  private static List<String> usableIds(List<String> ids) {
    List<String> usable = new ArrayList<>();
    for (String id : ids) {
      String ok = MessageIds.usable(id);
      if (ok != null) {
        usable.add(ok);
      }
    }
    return usable;
  }

  /** The From address, or the Sender when there is no From. */
  private static @Nullable Address senderAddress(ParsedMessage parsed) {
    return parsed.from() != null ? parsed.from() : parsed.sender();
  }

  /** Its display name as decoded, or null ({@link MessageMeta} keeps it on one line and bounded). */
  private static @Nullable String senderName(ParsedMessage parsed) {
    Address from = senderAddress(parsed);
    return from == null ? null : from.name();
  }

  private static String sender(ParsedMessage parsed) {
    Address from = senderAddress(parsed);
    return from == null ? "" : Text.storable(from.address());
  }

  private static String subject(ParsedMessage parsed) {
    String s = Text.storable(parsed.subject()).strip();
    return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT) : s;
  }

  private static List<String> addresses(List<Address> list) {
    return list.stream().map(a -> Text.storable(a.address())).toList();
  }
}
