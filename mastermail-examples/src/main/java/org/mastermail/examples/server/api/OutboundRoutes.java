package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.outbound.TemplateRenderer;
import org.mastermail.tenant.User;
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
  private final TemplateRenderer renderer;

  OutboundRoutes(MasterMail mm, Requests requests, TemplateRenderer renderer) {
    this.mm = mm;
    this.requests = requests;
    this.renderer = renderer;
  }

  /**
   * The body of a reply. {@code message}: the message answered (default: the conversation's latest incoming one);
   * {@code mode}: reply or reply_all; {@code text}: written above the quoted message; {@code mailbox}: the sending
   * account (default: the conversation's, when the user may send from it); {@code queue}: false keeps it a draft.
   */
  public record ReplyBody(@Nullable String message, @Nullable String mode, @Nullable String text,
      @Nullable String mailbox, @Nullable Boolean queue, @Nullable String template) {}

  /** A draft's new subject, text or recipients; what is absent stays as it is. */
  public record EditBody(@Nullable Long version, @Nullable String subject, @Nullable String text,
      @Nullable List<String> to, @Nullable List<String> cc, @Nullable List<String> bcc) {}

  /** The version of a draft the request acts on. */
  public record VersionBody(@Nullable Long version) {}

  /** A template to save: a new one without {@code id}. */
  public record TemplateBody(@Nullable String id, @Nullable String mailbox, @Nullable String name,
      @Nullable String subject, @Nullable String text, @Nullable String html) {}

  void register(RoutesConfig routes) {
    routes.post("/api/conversations/{id}/reply", this::reply);
    routes.get("/api/outbound", this::list);
    routes.get("/api/outbound/{id}", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().get(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.post("/api/outbound/{id}/queue", ctx -> {
      VersionBody b = requests.body(ctx, VersionBody.class);
      ctx.json(ApiJson.OutboundJson.of(out().queue(OutboundId.of(ctx.pathParam("id")),
          Requests.required(b.version(), "version"), Access.actor(ctx))));
    });
    routes.post("/api/outbound/{id}/edit", this::edit);
    routes.post("/api/outbound/{id}/cancel", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().cancel(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.post("/api/outbound/{id}/resend", ctx -> ctx.json(ApiJson.OutboundJson.of(
        out().resend(OutboundId.of(ctx.pathParam("id")), Access.actor(ctx)))));
    routes.get("/api/templates", ctx -> ctx.json(out().templates(
        MailboxId.of(Requests.required(Requests.query(ctx, "mailbox"), "mailbox")), Access.actor(ctx)).stream()
        .map(ApiJson.TemplateJson::of).toList()));
    routes.post("/api/templates", this::saveTemplate);
    routes.post("/api/templates/{id}/delete", ctx -> {
      out().deleteTemplate(TemplateId.of(ctx.pathParam("id")), Access.actor(ctx));
      ctx.status(204);
    });
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
    String text = b.template() == null ? b.text() : fromTemplate(b, conversation, answered, actor);
    OutboundMessage draft = out().reply(answered, mode, actor);
    try {
      if (text != null || b.mailbox() != null) {
        Compose.Builder edited = Compose.of(draft).toBuilder();
        if (b.mailbox() != null) {
          edited.mailbox(MailboxId.of(b.mailbox()));
        }
        if (text != null) {
          // the draft holds the signature and the quoted message, below room left for the answer
          edited.text(text.stripTrailing() + "\n\n" + draft.letter().text().stripLeading());
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

  /**
   * The text of a reply written from one of the sending mailbox's templates, filled with {@code name} and
   * {@code email} of the one answered, {@code subject} of the conversation and {@code me} (the user's name); the
   * template's text is followed by whatever {@code text} the request brings.
   */
  private String fromTemplate(ReplyBody b, ConversationId conversation, MessageId answered, Actor actor) {
    ConversationDetails details = mm.triage().get(conversation, actor);
    MailboxId mailbox = b.mailbox() != null ? MailboxId.of(b.mailbox()) : details.conversation().mailbox();
    TemplateId id = TemplateId.of(b.template());
    Template template = out().templates(mailbox, actor).stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("template " + id + " is not one of mailbox " + mailbox + "'s"));
    MessageMeta to = details.messages().stream().filter(m -> m.id().equals(answered)).findFirst().orElseThrow();
    Map<String, Object> data = new HashMap<>();
    InternetAddress sender = sender(to, actor);
    data.put("email", sender.getAddress());
    data.put("name", sender.getPersonal() != null ? sender.getPersonal() : sender.getAddress());
    data.put("subject", details.conversation().subject());
    data.put("me", mm.admin().users().find(actor.user(), actor).map(User::displayName).orElse(""));
    String filled = renderer.render(template.text(), data, false);
    return b.text() == null ? filled : filled.stripTrailing() + "\n\n" + b.text();
  }

  /** The sender of a received message as its From header names them, display name included. */
  private InternetAddress sender(MessageMeta message, Actor actor) {
    try (InputStream raw = mm.triage().raw(message.id(), actor)) {
      String from = new InternetHeaders(raw).getHeader("From", ",");
      InternetAddress[] parsed = from == null ? new InternetAddress[0] : InternetAddress.parseHeader(from, false);
      if (parsed.length > 0) {
        return parsed[0];
      }
    } catch (MessagingException | IOException unreadable) {
      LOG.debug("no From header to read in {}", message.id(), unreadable);
    }
    InternetAddress plain = new InternetAddress();
    plain.setAddress(message.from());
    return plain;
  }

  private void edit(Context ctx) {
    EditBody b = requests.body(ctx, EditBody.class);
    Actor actor = Access.actor(ctx);
    OutboundId id = OutboundId.of(ctx.pathParam("id"));
    long version = Requests.required(b.version(), "version");
    OutboundMessage draft = out().get(id, actor);
    Compose.Builder edited = Compose.of(draft).toBuilder();
    if (b.subject() != null) {
      edited.subject(b.subject());
    }
    if (b.text() != null) {
      edited.text(b.text());
    }
    if (b.to() != null || b.cc() != null || b.bcc() != null) {
      Letter l = draft.letter();
      edited.recipients(b.to() != null ? b.to() : l.to(), b.cc() != null ? b.cc() : l.cc(),
          b.bcc() != null ? b.bcc() : l.bcc());
    }
    ctx.json(ApiJson.OutboundJson.of(out().edit(id, version, edited.build(), actor)));
  }

  private void saveTemplate(Context ctx) {
    TemplateBody b = requests.body(ctx, TemplateBody.class);
    TemplateId id = b.id() == null ? TemplateId.random() : TemplateId.of(b.id());
    Template t = new Template(id, MailboxId.of(Requests.required(b.mailbox(), "mailbox")),
        Requests.required(b.name(), "name"), Requests.required(b.subject(), "subject"),
        Requests.required(b.text(), "text"), b.html());
    ctx.status(b.id() == null ? 201 : 200).json(ApiJson.TemplateJson.of(out().saveTemplate(t, Access.actor(ctx))));
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
