package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationDetails;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.conversation.Correspondence;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.TriageService;
import org.mastermail.conversation.View;
import org.mastermail.conversation.ViewCounts;
import org.mastermail.examples.server.api.ApiJson.ConversationJson;
import org.mastermail.examples.server.api.ApiJson.LinkJson;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Attachment;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageMeta;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * Listing and triage: {@code GET /api/conversations}, {@code GET /api/counts}, {@code GET /api/conversations/{id}} and
 * the actions {@code POST /api/conversations/{id}/take|assign|status|due|tags|links|notes|read}. Each action takes
 * the {@code version} the user saw; a conversation changed since fails with 409.
 */
final class ConversationRoutes {
  /** The page size when the request names none. */
  static final int DEFAULT_LIMIT = 50;

  private final TriageService triage;
  private final Requests requests;

  ConversationRoutes(MasterMail mm, Requests requests) {
    this.triage = mm.triage();
    this.requests = requests;
  }

  /** {@code take}: the version seen. */
  public record VersionBody(@Nullable Long version) {}

  /** {@code assign}: to a user, or with {@code assignee} null back to unassigned. */
  public record AssignBody(@Nullable Long version, @Nullable String assignee) {}

  public record StatusBody(@Nullable Long version, @Nullable String status) {}

  /** {@code due}: a time or null to clear it, and whether it is urgent. */
  public record DueBody(@Nullable Long version, @Nullable Instant dueAt, @Nullable Boolean urgent) {}

  public record TagsBody(@Nullable Long version, @Nullable List<String> add, @Nullable List<String> remove) {}

  public record LinksBody(@Nullable Long version, @Nullable List<LinkJson> add, @Nullable List<LinkJson> remove) {}

  public record NoteBody(@Nullable String body) {}

  /** {@code read}: true (the default) marks read, false unread, for the user only. */
  public record ReadBody(@Nullable Boolean read) {}

  void register(RoutesConfig routes) {
    routes.get("/api/conversations", this::list);
    routes.get("/api/counts", this::counts);
    routes.get("/api/conversations/{id}", this::details);
    routes.post("/api/conversations/{id}/take", ctx -> {
      VersionBody b = requests.body(ctx, VersionBody.class);
      done(ctx, triage.take(Requests.ref(id(ctx), b.version()), Access.actor(ctx)));
    });
    routes.post("/api/conversations/{id}/assign", this::assign);
    routes.post("/api/conversations/{id}/status", ctx -> {
      StatusBody b = requests.body(ctx, StatusBody.class);
      StatusId status = StatusId.of(Requests.required(b.status(), "status"));
      done(ctx, triage.setStatus(Requests.ref(id(ctx), b.version()), status, Access.actor(ctx)));
    });
    routes.post("/api/conversations/{id}/due", ctx -> {
      DueBody b = requests.body(ctx, DueBody.class);
      done(ctx, triage.setDue(Requests.ref(id(ctx), b.version()), b.dueAt(), Boolean.TRUE.equals(b.urgent()),
          Access.actor(ctx)));
    });
    routes.post("/api/conversations/{id}/tags", this::tags);
    routes.post("/api/conversations/{id}/links", this::links);
    routes.post("/api/conversations/{id}/notes", ctx -> {
      NoteBody b = requests.body(ctx, NoteBody.class);
      ctx.status(201).json(ApiJson.NoteJson.of(triage.addNote(id(ctx), Requests.required(b.body(), "body"),
          Access.actor(ctx))));
    });
    routes.post("/api/conversations/{id}/read", ctx -> {
      ReadBody b = requests.body(ctx, ReadBody.class);
      if (Boolean.FALSE.equals(b.read())) {
        triage.markUnread(id(ctx), Access.actor(ctx));
      } else {
        triage.markRead(id(ctx), Access.actor(ctx));
      }
      ctx.status(204);
    });
  }

  private void list(Context ctx) {
    View view = Requests.enumValue(View.class, "view", valueOr(Requests.query(ctx, "view"), "inbox"));
    Sort sort = Requests.enumValue(Sort.class, "sort", valueOr(Requests.query(ctx, "sort"), "newest"));
    int limit = Requests.queryInt(ctx, "limit", DEFAULT_LIMIT, 1, TriageService.MAX_PAGE_SIZE);
    Actor actor = Access.actor(ctx);
    var page = triage.list(view, filter(ctx), sort, Requests.query(ctx, "cursor"), limit, actor);
    boolean withFrom = Requests.queryList(ctx, "include", s -> s).contains("from");
    Map<ConversationId, Correspondence> senders = withFrom
        ? triage.correspondence(page.items().stream().map(s -> s.conversation().id()).toList(), actor)
        : Map.of();
    ctx.json(ApiJson.PageJson.of(page, s -> {
      Correspondence c = senders.get(s.conversation().id());
      return c == null ? ConversationJson.of(s.conversation(), s.unread())
          : ConversationJson.of(s.conversation(), s.unread(), c.latestSender(), c.messages(), c.latestSenderName());
    }));
  }

  private void counts(Context ctx) {
    ViewCounts c = triage.counts(filter(ctx), Access.actor(ctx));
    ctx.json(new ApiJson.CountsJson(c.mine(), c.unassigned(), c.inbox(),
        c.all().isPresent() ? c.all().getAsLong() : null));
  }

  /** The filter of the query: mailbox, status, category, tag, q (full text), dueBefore, linked, assignee. */
  private static ConversationFilter filter(Context ctx) {
    ConversationFilter f = ConversationFilter.none()
        .withMailboxes(Set.copyOf(Requests.queryList(ctx, "mailbox", MailboxId::of)))
        .withStatuses(Set.copyOf(Requests.queryList(ctx, "status", StatusId::of)))
        .withCategories(Set.copyOf(Requests.queryList(ctx, "category",
            c -> Requests.enumValue(StatusCategory.class, "category", c))))
        .withTag(Requests.query(ctx, "tag"))
        .withText(Requests.query(ctx, "q"))
        .withDueBefore(Requests.queryInstant(ctx, "dueBefore"));
    String linked = Requests.query(ctx, "linked");
    if (linked != null) {
      int colon = linked.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException("linked must be type:id, such as contact:4711, was '" + linked + "'");
      }
      f = f.withLinkedTo(EntityRef.of(linked.substring(0, colon), linked.substring(colon + 1)));
    }
    String assignee = Requests.query(ctx, "assignee");
    return assignee == null ? f : f.withAssignee(UserId.of(assignee));
  }

  private void details(Context ctx) {
    Actor actor = Access.actor(ctx);
    ConversationDetails d = triage.get(id(ctx), actor);
    List<ApiJson.MessageJson> messages = d.messages().stream().map(m -> message(m, actor)).toList();
    ctx.json(new ApiJson.ConversationDetailsJson(ConversationJson.of(d.conversation(), d.unread()), messages,
        d.notes().stream().map(ApiJson.NoteJson::of).toList(),
        d.history().stream().map(ApiJson.EventJson::of).toList()));
  }

  private ApiJson.MessageJson message(MessageMeta meta, Actor actor) {
    MessageContent content = triage.content(meta.id(), actor);
    String html = content.html();
    if (html == null) {
      return ApiJson.MessageJson.of(meta, content, null);
    }
    Map<String, String> cids = new HashMap<>();
    for (Attachment a : content.attachments()) {
      if (a.contentId() != null) {
        cids.put(a.contentId(), MessageRoutes.attachmentUrl(meta.id(), a.index()));
      }
    }
    return ApiJson.MessageJson.of(meta, content, MailHtml.sanitize(html, cids));
  }

  /**
   * Assigns to a user, or unassigns with a null assignee. Moving someone else's conversation is core's
   * {@code reassign}, which needs REASSIGN; picking the call is no permission decision, core still makes it.
   */
  private void assign(Context ctx) {
    AssignBody b = requests.body(ctx, AssignBody.class);
    Actor actor = Access.actor(ctx);
    ConversationRef ref = Requests.ref(id(ctx), b.version());
    if (b.assignee() == null) {
      done(ctx, triage.unassign(ref, actor));
      return;
    }
    UserId to = UserId.of(b.assignee());
    UserId now = triage.get(ref.id(), actor).conversation().assignee();
    boolean someoneElses = now != null && !now.equals(actor.user()) && !now.equals(to);
    done(ctx, someoneElses ? triage.reassign(ref, to, actor) : triage.assign(ref, to, actor));
  }

  /** Adds and removes tags; each change takes the version the one before it left. */
  private void tags(Context ctx) {
    TagsBody b = requests.body(ctx, TagsBody.class);
    Actor actor = Access.actor(ctx);
    ConversationRef ref = Requests.ref(id(ctx), b.version());
    Conversation c = null;
    for (String tag : valueOr(b.add(), List.<String>of())) {
      c = triage.tag(ref, Requests.required(tag, "tag"), actor);
      ref = c.ref();
    }
    for (String tag : valueOr(b.remove(), List.<String>of())) {
      c = triage.untag(ref, Requests.required(tag, "tag"), actor);
      ref = c.ref();
    }
    done(ctx, c != null ? c : triage.get(ref.id(), actor).conversation());
  }

  private void links(Context ctx) {
    LinksBody b = requests.body(ctx, LinksBody.class);
    Actor actor = Access.actor(ctx);
    ConversationRef ref = Requests.ref(id(ctx), b.version());
    Conversation c = null;
    for (LinkJson link : valueOr(b.add(), List.<LinkJson>of())) {
      c = triage.link(ref, link.ref(), actor);
      ref = c.ref();
    }
    for (LinkJson link : valueOr(b.remove(), List.<LinkJson>of())) {
      c = triage.unlink(ref, link.ref(), actor);
      ref = c.ref();
    }
    done(ctx, c != null ? c : triage.get(ref.id(), actor).conversation());
  }

  private static void done(Context ctx, Conversation c) {
    ctx.json(ConversationJson.of(c, null));
  }

  static ConversationId id(Context ctx) {
    return ConversationId.of(ctx.pathParam("id"));
  }

  private static <T> T valueOr(@Nullable T value, T fallback) {
    return value != null ? value : fallback;
  }
}
