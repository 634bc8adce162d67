package org.mastermail.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.event.EventType;
import org.mastermail.internal.parse.Address;
import org.mastermail.internal.parse.ParsedMessage;
import org.mastermail.message.Attachment;
import org.mastermail.message.Header;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.SystemMail;
import org.mastermail.rule.Router;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.status.Status;
import org.mastermail.tenant.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the {@link Router} about a just-archived message and applies its decision in the same unit of work. */
final class Routing {
  private static final Logger LOG = LoggerFactory.getLogger(Routing.class);
  private static final int MAX_TAG = 64;

  private Routing() {}

  static Conversation route(Work w, Router router, @Nullable SystemMailer mailer, Conversation c, MessageMeta meta,
      ParsedMessage parsed, List<Attachment> attachments, boolean reply) {
    IncomingMessage message = incoming(meta, parsed, attachments, reply);
    RoutingDecision d;
    try {
      d = router.route(message, c, w.s());
    } catch (RuntimeException e) {
      // a broken rule or directory must not keep mail out of the archive: the message stays unrouted, and says why
      LOG.warn("router failed for message {}; archived without routing", meta.id(), e);
      d = new RoutingDecision(null, null, null, false, Set.of(), Set.of(),
          List.of("router failed: " + e + "; the message was archived without routing"));
    }
    if (d == null || d.empty()) {
      return c;
    }
    List<String> trace = new ArrayList<>(d.trace());
    Conversation.Change change = c.change();
    boolean assign = false;
    if (d.assignee() != null) {
      User user = w.s().users().find(c.tenant(), d.assignee()).filter(User::active).orElse(null);
      if (user == null) {
        trace.add("assignee " + d.assignee() + " is unknown or deactivated: left unassigned");
      } else if (!c.unassigned()) {
        trace.add("conversation already assigned: stays with its assignee");
      } else {
        change.assignee(user.id());
        assign = true;
      }
    }
    Status status = null;
    if (d.status() != null && !d.status().equals(c.status())) {
      status = w.s().statuses().find(c.tenant(), d.status()).orElse(null);
      if (status == null) {
        trace.add("status " + d.status() + " does not exist: status left as it was");
      } else {
        change.status(status.id());
      }
    }
    boolean due = d.due() != null || d.urgent();
    if (due) {
      change.due(d.due(), d.urgent());
    }
    Set<String> newTags = new HashSet<>();
    for (String tag : d.tags()) {
      String clean = tag.strip();
      if (!clean.isEmpty() && clean.length() <= MAX_TAG && !c.tags().contains(clean)) {
        newTags.add(Text.storable(clean));
      }
    }
    Set<EntityRef> newLinks = new HashSet<>(d.links());
    newLinks.removeAll(c.links());
    Set<String> tags = new HashSet<>(c.tags());
    tags.addAll(newTags);
    Set<EntityRef> links = new HashSet<>(c.links());
    links.addAll(newLinks);
    change.tags(tags).links(links);
    Conversation next = assign || status != null || due || !newTags.isEmpty() || !newLinks.isEmpty()
        ? w.save(change.done()) : c;
    if (assign) {
      w.event(c.tenant(), EventType.ASSIGNED, c.id(), null, null, next.assignee(), next.version());
    }
    if (status != null) {
      String before = w.s().statuses().find(c.tenant(), c.status()).map(Status::name).orElse(null);
      w.event(c.tenant(), EventType.STATUS_CHANGED, c.id(), null, before, status.name(), next.version());
    }
    if (due) {
      w.event(c.tenant(), EventType.DUE_CHANGED, c.id(), null, null,
          (d.due() == null ? "" : d.due().toString()) + (d.urgent() ? " urgent" : ""), next.version());
    }
    for (String tag : newTags) {
      w.event(c.tenant(), EventType.TAGGED, c.id(), null, null, tag, next.version());
    }
    for (EntityRef link : newLinks) {
      w.event(c.tenant(), EventType.LINKED, c.id(), null, null, link, next.version());
    }
    for (String note : d.notes()) {
      String body = Text.storable(note.strip());
      if (!body.isEmpty()) {
        w.s().conversations().addNote(new Note(c.tenant(), NoteId.random(), c.id(), null, body, w.now()));
        w.event(c.tenant(), EventType.NOTE_ADDED, c.id(), null, null, body, next.version());
      }
    }
    for (SystemMail mail : d.mail()) {
      if (mailer == null) {
        trace.add("mail to " + mail.to() + " not sent: no blob store to keep it in");
        continue;
      }
      try {
        mailer.queue(w, next, mail);
        trace.add((mail.autoReply() ? "automatic reply" : "mail") + " to " + String.join(", ", mail.to())
            + " queued");
      } catch (RuntimeException e) {
        // mail the rules asked for must not keep the message out of the archive
        LOG.warn("cannot queue mail to {} for message {}", mail.to(), meta.id(), e);
        trace.add("mail to " + mail.to() + " not queued: " + e.getMessage());
      }
    }
    w.event(c.tenant(), EventType.ROUTED, c.id(), null, meta.id(), String.join("\n", trace), next.version());
    return next;
  }

  /** The message as the router sees it; also rebuilt later from the raw bytes, for explaining a routing. */
  static IncomingMessage incoming(MessageMeta meta, ParsedMessage parsed, List<Attachment> attachments,
      boolean reply) {
    return new IncomingMessage(meta.tenant(), meta.mailbox(), meta.id(), meta.messageIdHeader(),
        meta.from(), parsed.from() == null ? null : Text.storableOrNull(parsed.from().name()), meta.to(),
        addresses(parsed.cc()), addresses(parsed.deliveredTo()), parsed.returnPath(), meta.subject(),
        parsed.headers().stream().map(h -> new Header(h.name(), Text.storable(h.value()))).toList(),
        Text.storable(parsed.text()), Text.storableOrNull(parsed.html()), attachments, meta.sizeBytes(),
        parsed.date(), meta.receivedAt(), reply);
  }

  private static List<String> addresses(List<Address> list) {
    return list.stream().map(a -> Text.storable(a.address())).toList();
  }
}
