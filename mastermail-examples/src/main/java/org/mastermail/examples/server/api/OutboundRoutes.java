package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.ConversationDetails;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.ReplyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing back: {@code POST /api/conversations/{id}/reply}, {@code GET /api/outbound} (drafts, outbox, sent, failed,
 * cancelled), {@code GET /api/outbound/{id}}, {@code POST /api/outbound/{id}/cancel|resend} and
 * {@code GET /api/accounts} (the mailboxes the user may send from).
 */
final class OutboundRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OutboundRoutes.class);

  private final MasterMail mm;
  private final Requests requests;

  OutboundRoutes(MasterMail mm, Requests requests) {
    this.mm = mm;
    this.requests = requests;
  }

  /**
   * The body of a reply. {@code message}: the message answered (default: the conversation's latest incoming one);
   * {@code mode}: reply or reply_all; {@code text}: written above the quoted message; {@code mailbox}: the sending
   * account (default: the conversation's, when the user may send from it); {@code queue}: false keeps it a draft.
   */
  public record ReplyBody(@Nullable String message, @Nullable String mode, @Nullable String text,
      @Nullable String mailbox, @Nullable Boolean queue) {}

  void register(RoutesConfig routes) {
    routes.post("/api/conversations/{id}/reply", this::reply);
    routes.get("/api/outbound", this::list);
    routes.get("/api/outbound/{id}", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().get(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.post("/api/outbound/{id}/cancel", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().cancel(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.post("/api/outbound/{id}/resend", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().resend(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.get("/api/accounts", ctx -> {
      Actor actor = Access.actor(ctx);
      ctx.json(out().sendingAccounts(actor).stream()
          .map(m -> ApiJson.AccountJson.of(m, out().account(m.id(), actor))).toList());
    });
  }

  private OutboundService out() {
    return mm.outbound();
  }

  private void reply(Context ctx) {
    ReplyBody b = requests.body(ctx, ReplyBody.class);
    Actor actor = Access.actor(ctx);
    ConversationId conversation = ConversationRoutes.id(ctx);
    MessageId answered = answered(mm.triage().get(conversation, actor), b.message());
    ReplyMode mode = Requests.enumValue(ReplyMode.class, "mode", b.mode() == null ? "reply" : b.mode());
    OutboundMessage draft = out().reply(answered, mode, actor);
    try {
      if (b.text() != null || b.mailbox() != null) {
        Compose.Builder edited = Compose.of(draft).toBuilder();
        if (b.mailbox() != null) {
          edited.mailbox(MailboxId.of(b.mailbox()));
        }
        if (b.text() != null) {
          // the draft holds the signature and the quoted message, below room left for the answer
          edited.text(b.text().stripTrailing() + "\n\n" + draft.letter().text().stripLeading());
        }
        draft = out().edit(draft.id(), draft.version(), edited.build(), actor);
      }
      if (!Boolean.FALSE.equals(b.queue())) {
        draft = out().queue(draft.id(), draft.version(), actor);
      }
    } catch (RuntimeException e) {
      discard(draft, actor); // a refused reply leaves no half-made draft behind
      throw e;
    }
    ctx.status(201).json(ApiJson.OutboundJson.of(draft));
  }

  /** The message to answer: the one named, which must belong to the conversation, or its latest incoming one. */
  private static MessageId answered(ConversationDetails details, @Nullable String named) {
    List<MessageMeta> messages = details.messages();
    if (named != null) {
      MessageId id = MessageId.of(named);
      if (messages.stream().noneMatch(m -> m.id().equals(id))) {
        throw new NotFoundException("message " + id + " is not in conversation " + details.conversation().id());
      }
      return id;
    }
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).direction() == Direction.INCOMING) {
        return messages.get(i).id();
      }
    }
    throw new InvalidInputException("conversation " + details.conversation().id()
        + " has no received message to reply to");
  }

  private void discard(OutboundMessage draft, Actor actor) {
    try {
      out().cancel(draft.id(), actor);
    } catch (RuntimeException e) {
      LOG.warn("could not withdraw draft {} after a failed reply", draft.id(), e);
    }
  }

  private void list(Context ctx) {
    String mailbox = Requests.required(Requests.query(ctx, "mailbox"), "mailbox");
    String view = Requests.query(ctx, "view");
    OutboxView box = Requests.enumValue(OutboxView.class, "view", view == null ? "outbox" : view);
    int limit = Requests.queryInt(ctx, "limit", ConversationRoutes.DEFAULT_LIMIT, 1, 500);
    ctx.json(ApiJson.PageJson.of(out().list(MailboxId.of(mailbox), box, Requests.query(ctx, "cursor"), limit,
        Access.actor(ctx)), ApiJson.OutboundJson::of));
  }
}
