package org.mastermail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.blob.BlobStore;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.internal.parse.MessageParser;
import org.mastermail.internal.parse.ParseLimits;
import org.mastermail.internal.parse.ParsedMessage;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.NotFoundException;
import org.mastermail.Page;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationDetails;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Correspondence;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.TriageService;
import org.mastermail.conversation.View;
import org.mastermail.conversation.ViewCounts;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Permission;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.UserId;

/** The engine behind {@link TriageService}; assignment rules live in {@link Assignments}. */
public final class DefaultTriageService implements TriageService {
  private static final int MAX_TAG = 64;
  private static final int MAX_NOTE = 100_000;
  private static final MessageParser PARSER = new MessageParser(ParseLimits.DEFAULTS);

  private final Engine engine;
  private final @Nullable BlobStore blobs;

  public DefaultTriageService(Engine engine, @Nullable BlobStore blobs) {
    this.engine = engine;
    this.blobs = blobs;
  }

  @Override
  public Page<ConversationSummary> list(View view, ConversationFilter filter, Sort sort, @Nullable String cursor,
      int limit, Actor actor) {
    Check.present("view", view);
    Check.present("filter", filter);
    Check.present("sort", sort);
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
    }
    Keyset after = cursor == null ? null : CursorCodec.decode(view, sort, cursor);
    return engine.read(actor, (w, a) -> {
      ConversationQuery q = ViewQueries.build(w, a, view, filter, sort, after, limit + 1);
      if (q == null) {
        return new Page<ConversationSummary>(List.of(), null);
      }
      List<ConversationSummary> rows;
      if (w.expectedRevision() >= 0) {
        rows = w.s().queryAtAccessRevision(q, w.expectedRevision());
        w.revisionVerified();
      } else {
        rows = w.s().conversations().query(q);
      }
      if (rows.size() <= limit) {
        return new Page<>(rows, null);
      }
      List<ConversationSummary> page = rows.subList(0, limit);
      Conversation last = page.get(limit - 1).conversation();
      String next = CursorCodec.encode(view, sort, new Keyset(ConversationQuery.sortKey(last, sort), last.id()));
      return new Page<>(page, next);
    });
  }

  @Override
  public ViewCounts counts(ConversationFilter filter, Actor actor) {
    Check.present("filter", filter);
    return engine.read(actor, (w, a) -> ViewQueries.counts(w, a, filter));
  }

  @Override
  public ConversationDetails get(ConversationId id, Actor actor) {
    return engine.read(actor, (w, a) -> {
      Conversation c = w.visible(id, a);
      return new ConversationDetails(c, unread(w, c, a.user().id()),
          w.s().messages().listByConversation(c.tenant(), id), w.s().conversations().notes(c.tenant(), id),
          w.s().events().listByConversation(c.tenant(), id));
    });
  }

  @Override
  public Map<ConversationId, Correspondence> correspondence(Collection<ConversationId> ids, Actor actor) {
    Objects.requireNonNull(ids, "ids");
    Set<ConversationId> wanted = new LinkedHashSet<>(ids);
    if (wanted.contains(null)) {
      throw new InvalidInputException("conversation ids must not contain null");
    }
    if (wanted.size() > MAX_PAGE_SIZE) {
      throw new InvalidInputException("at most " + MAX_PAGE_SIZE + " conversations at a time, was " + wanted.size());
    }
    if (wanted.isEmpty()) {
      return Map.of();
    }
    return engine.read(actor, (w, a) -> {
      List<ConversationId> visible = w.s().conversations().findAll(actor.tenant(), wanted).stream()
          .filter(a::sees).map(Conversation::id).toList();
      if (visible.isEmpty()) {
        return Map.of();
      }
      Map<ConversationId, Correspondence> found = w.s().messages().correspondence(actor.tenant(), visible);
      Map<ConversationId, Correspondence> result = new HashMap<>();
      for (ConversationId id : visible) {
        result.put(id, found.getOrDefault(id, Correspondence.NONE));
      }
      return Map.copyOf(result);
    });
  }

  @Override
  public Conversation open(MailboxId mailbox, String subject, Actor actor) {
    String cleanSubject = Check.noControl("subject", Objects.requireNonNullElse(subject, "").strip());
    return engine.write(actor, (w, a) -> {
      if (a.mailbox(mailbox).isEmpty()) {
        throw new NotFoundException("mailbox " + mailbox + " not found");
      }
      Status first = w.s().statuses().list(actor.tenant()).stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("tenant " + actor.tenant() + " has no status"));
      Conversation c = new Conversation(actor.tenant(), ConversationId.random(), mailbox, cleanSubject, null,
          first.id(), null, false, Set.of(), Set.of(), w.now(), w.now(), 1);
      w.s().conversations().insert(c);
      w.event(c, EventType.CONVERSATION_CREATED, actor.user(), null, cleanSubject);
      return c;
    });
  }

  @Override
  public Conversation take(ConversationRef ref, Actor actor) {
    return engine.write(actor, (w, a) -> Assignments.change(w, a, w.load(ref, a), actor.user(), true));
  }

  @Override
  public Conversation assign(ConversationRef ref, UserId assignee, Actor actor) {
    Check.present("assignee", assignee);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (c.assignee() != null && !c.assignee().equals(actor.user()) && !c.assignee().equals(assignee)) {
        throw new InvalidInputException("conversation " + c.id() + " is already assigned to someone else;"
            + " use reassign to move it");
      }
      return Assignments.change(w, a, c, assignee, false);
    });
  }

  @Override
  public Conversation reassign(ConversationRef ref, UserId assignee, Actor actor) {
    Check.present("assignee", assignee);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (c.assignee() == null) {
        throw new InvalidInputException("conversation " + c.id() + " is unassigned; use assign or take");
      }
      return Assignments.change(w, a, c, assignee, false);
    });
  }

  @Override
  public Conversation unassign(ConversationRef ref, Actor actor) {
    return engine.write(actor, (w, a) -> Assignments.change(w, a, w.load(ref, a), null, false));
  }

  @Override
  public Conversation setStatus(ConversationRef ref, StatusId status, Actor actor) {
    Check.present("status", status);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      Status target = w.s().statuses().find(actor.tenant(), status)
          .orElseThrow(() -> new NotFoundException("status " + status + " not found"));
      Status current = w.s().statuses().find(actor.tenant(), c.status())
          .orElseThrow(() -> new IllegalStateException("conversation " + c.id() + " has an unknown status"));
      if (target.id().equals(current.id())) {
        return c;
      }
      MailboxAccess m = a.mailbox(c.mailbox()).orElseThrow();
      if (!m.canSetStatus(target.id())) {
        throw new PermissionDeniedException("user " + a.user().email() + " may not set status '" + target.name()
            + "' in mailbox " + m.mailbox().address() + ": permission SET_STATUS for that status is required");
      }
      if (!current.allows(target.id())) {
        throw new InvalidInputException("status '" + current.name() + "' may not change to '" + target.name()
            + "'; allowed next: " + names(w, actor, current.allowedNext()));
      }
      Conversation next = w.save(c.change().status(target.id()).done());
      w.event(next, EventType.STATUS_CHANGED, actor.user(), current.name(), target.name());
      return next;
    });
  }

  @Override
  public Conversation setDue(ConversationRef ref, @Nullable Instant dueAt, boolean urgent, Actor actor) {
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (!actor.user().equals(c.assignee())) {
        a.require(c, Permission.ASSIGN, "set the due date of a conversation not assigned to them");
      }
      if (Objects.equals(c.dueAt(), dueAt) && c.urgent() == urgent) {
        return c;
      }
      Conversation next = w.save(c.change().due(dueAt, urgent).done());
      w.event(next, EventType.DUE_CHANGED, actor.user(), due(c.dueAt(), c.urgent()), due(dueAt, urgent));
      return next;
    });
  }

  @Override
  public Conversation tag(ConversationRef ref, String tag, Actor actor) {
    String clean = tag(tag);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (c.tags().contains(clean)) {
        return c;
      }
      Set<String> tags = new HashSet<>(c.tags());
      tags.add(clean);
      Conversation next = w.save(c.change().tags(tags).done());
      w.event(next, EventType.TAGGED, actor.user(), null, clean);
      return next;
    });
  }

  @Override
  public Conversation untag(ConversationRef ref, String tag, Actor actor) {
    String clean = tag(tag);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (!c.tags().contains(clean)) {
        return c;
      }
      Set<String> tags = new HashSet<>(c.tags());
      tags.remove(clean);
      Conversation next = w.save(c.change().tags(tags).done());
      w.event(next, EventType.UNTAGGED, actor.user(), clean, null);
      return next;
    });
  }

  @Override
  public Conversation link(ConversationRef ref, EntityRef entity, Actor actor) {
    Check.present("entity", entity);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (c.links().contains(entity)) {
        return c;
      }
      Set<EntityRef> links = new HashSet<>(c.links());
      links.add(entity);
      Conversation next = w.save(c.change().links(links).done());
      w.event(next, EventType.LINKED, actor.user(), null, entity);
      return next;
    });
  }

  @Override
  public Conversation unlink(ConversationRef ref, EntityRef entity, Actor actor) {
    Check.present("entity", entity);
    return engine.write(actor, (w, a) -> {
      Conversation c = w.load(ref, a);
      if (!c.links().contains(entity)) {
        return c;
      }
      Set<EntityRef> links = new HashSet<>(c.links());
      links.remove(entity);
      Conversation next = w.save(c.change().links(links).done());
      w.event(next, EventType.UNLINKED, actor.user(), entity, null);
      return next;
    });
  }

  @Override
  public Note addNote(ConversationId id, String body, Actor actor) {
    if (body == null || body.isBlank()) {
      throw new InvalidInputException("note body must not be blank");
    }
    if (body.length() > MAX_NOTE) {
      throw new InvalidInputException("note body must be at most " + MAX_NOTE + " characters, was " + body.length());
    }
    return engine.write(actor, (w, a) -> {
      Conversation c = w.visible(id, a);
      Note note = new Note(c.tenant(), NoteId.random(), c.id(), actor.user(), body.strip(), w.now());
      w.s().conversations().addNote(note);
      w.event(c, EventType.NOTE_ADDED, actor.user(), null, note.id());
      return note;
    });
  }

  @Override
  public void markRead(ConversationId id, Actor actor) {
    engine.write(actor, (w, a) -> {
      Conversation c = w.visible(id, a);
      w.s().conversations().markRead(c.tenant(), c.id(), actor.user(), w.now());
      w.event(c, EventType.READ, actor.user(), null, null);
      return c;
    });
  }

  @Override
  public void markUnread(ConversationId id, Actor actor) {
    engine.write(actor, (w, a) -> {
      Conversation c = w.visible(id, a);
      w.s().conversations().markUnread(c.tenant(), c.id(), actor.user());
      w.event(c, EventType.UNREAD, actor.user(), null, null);
      return c;
    });
  }

  @Override
  public List<Event> history(ConversationId id, Actor actor) {
    return engine.write(actor, (w, a) -> {
      Conversation c = w.visible(id, a);
      return w.s().events().listByConversation(c.tenant(), c.id());
    });
  }

  @Override
  public MessageContent content(MessageId message, Actor actor) {
    return engine.read(actor, (w, a) -> visibleContent(w, a, message));
  }

  @Override
  public InputStream raw(MessageId message, Actor actor) {
    MessageContent content = content(message, actor);
    return new SingleInstanceStore(requireBlobs(), SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES)
        .open(content.skeleton());
  }

  @Override
  public IncomingMessage incoming(MessageId message, Actor actor) {
    record Seen(MessageMeta meta, MessageContent content, boolean reply) {}
    Seen seen = engine.read(actor, (w, a) -> {
      MessageContent content = visibleContent(w, a, message);
      MessageMeta meta = w.s().messages().find(a.user().tenant(), message).orElseThrow();
      // intake calls a message a reply when it joined a conversation that was there before it
      List<MessageMeta> thread = w.s().messages().listByConversation(meta.tenant(), meta.conversation());
      return new Seen(meta, content, !thread.isEmpty() && !thread.get(0).id().equals(message));
    });
    if (seen.meta().direction() != Direction.INCOMING) {
      throw new InvalidInputException("message " + message + " was not received but " + seen.meta().direction()
          .name().toLowerCase(Locale.ROOT) + ": only received mail is routed");
    }
    ParsedMessage parsed;
    try (InputStream in = raw(message, actor)) {
      parsed = PARSER.parse(in);
    } catch (IOException e) {
      throw new MasterMailException("cannot read message " + message + ": " + e.getMessage(), e);
    }
    return Routing.incoming(seen.meta(), parsed, seen.content().attachments(), seen.reply());
  }

  @Override
  public InputStream attachment(MessageId message, int index, Actor actor) {
    MessageContent content = content(message, actor);
    if (index < 0 || index >= content.attachments().size()) {
      throw new NotFoundException("message " + message + " has no attachment " + index + " (it has "
          + content.attachments().size() + ")");
    }
    Attachment attachment = content.attachments().get(index);
    BlobStore store = requireBlobs();
    if (attachment.stored() && store.contains(attachment.sha256())) {
      return store.open(attachment.sha256());
    }
    try (InputStream raw = raw(message, actor)) {
      return AttachmentReader.read(raw, attachment.partPath());
    } catch (IOException e) {
      throw new MasterMailException("cannot read attachment " + index + " of message " + message + ": "
          + e.getMessage(), e);
    }
  }

  private static MessageContent visibleContent(Work w, Access a, MessageId message) {
    Check.present("message", message);
    MessageMeta meta = w.s().messages().find(a.user().tenant(), message)
        .orElseThrow(() -> new NotFoundException("message " + message + " not found"));
    w.visible(meta.conversation(), a); // not found unless the actor sees its conversation
    return w.s().messages().content(a.user().tenant(), message)
        .orElseThrow(() -> new NotFoundException("message " + message + " has no archived content"));
  }

  private BlobStore requireBlobs() {
    if (blobs == null) {
      throw new InvalidInputException("no blob store is installed: MasterMail.builder().blobs(...)");
    }
    return blobs;
  }

  static boolean unread(Work w, Conversation c, UserId user) {
    return w.s().conversations().readAt(c.tenant(), c.id(), user)
        .map(at -> at.isBefore(c.lastActivityAt())).orElse(true);
  }

  private static String tag(String tag) {
    String clean = Check.name("tag", tag);
    if (clean.length() > MAX_TAG) {
      throw new InvalidInputException("tag must be at most " + MAX_TAG + " characters, was " + clean.length());
    }
    return clean;
  }

  private static @Nullable String due(@Nullable Instant dueAt, boolean urgent) {
    if (dueAt == null) {
      return urgent ? "urgent" : null;
    }
    return urgent ? dueAt + " urgent" : dueAt.toString();
  }

  private static List<String> names(Work w, Actor actor, Set<StatusId> ids) {
    List<String> names = new ArrayList<>();
    for (Status s : w.s().statuses().list(actor.tenant())) {
      if (ids.contains(s.id())) {
        names.add(s.name());
      }
    }
    return names;
  }
}
