package org.mastermail.internal;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.Page;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.EventType;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageId;
import org.mastermail.outbound.BulkResult;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundService;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.Recipient;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.permission.Permission;
import org.mastermail.status.Status;
import org.mastermail.storage.OutboundKeyset;

/**
 * The outbound half of the engine: drafts, queueing with bytes fixed once, cancel and resend, listings. Replies and
 * forwards are prefilled by {@link ReplyDrafts}, templates by {@link TemplateLetters}, files by {@link OutboundFiles}.
 */
public final class DefaultOutbound implements OutboundService {
  private static final int MAX_PAGE = 200;

  private final Engine engine;
  private final OutboundMime mime;
  private final OutboundFiles files;
  private final TemplateLetters templates;
  private final @Nullable String messageIdDomain;

  /** @param messageIdDomain the domain of the Message-IDs we make, or null for the sending address's domain */
  public DefaultOutbound(Engine engine, org.mastermail.blob.BlobStore blobs,
      org.mastermail.outbound.TemplateRenderer renderer, @Nullable String messageIdDomain) {
    this.engine = requireNonNull(engine, "engine");
    this.mime = new OutboundMime(blobs);
    this.files = new OutboundFiles(engine, blobs);
    this.templates = new TemplateLetters(engine, renderer, this);
    this.messageIdDomain = messageIdDomain;
  }

  @Override
  public List<Mailbox> sendingAccounts(Actor actor) {
    return engine.read(actor, (w, a) -> Senders.accounts(w, a));
  }

  @Override
  public SendingAccount account(MailboxId mailbox, Actor actor) {
    return engine.read(actor, (w, a) -> {
      Senders.visibleMailbox(a, mailbox);
      return w.s().outbound().account(actor.tenant(), mailbox);
    });
  }

  @Override
  public SendingAccount configure(SendingAccount account, Actor actor) {
    Check.present("account", account);
    SendingAccount clean = new SendingAccount(account.mailbox(),
        account.displayName() == null || account.displayName().isBlank() ? null
            : Check.name("displayName", account.displayName()),
        account.replyTo() == null || account.replyTo().isBlank() ? null : Check.address("replyTo", account.replyTo()),
        blankToNull(account.signatureText()), blankToNull(account.signatureHtml()));
    return engine.write(actor, (w, a) -> {
      Mailbox m = Senders.visibleMailbox(a, clean.mailbox());
      boolean owner = actor.user().equals(m.owner());
      if (!owner) {
        a.require(Permission.MANAGE_MAILBOXES, "configure the sending account of " + m.address());
      }
      w.s().outbound().saveAccount(actor.tenant(), clean);
      w.event(actor.tenant(), EventType.MAILBOX_CHANGED, null, actor.user(), null,
          "sending account of " + m.address(), 0);
      return clean;
    });
  }

  @Override
  public OutboundMessage draft(Compose compose, Actor actor) {
    Check.present("compose", compose);
    return newDraft(compose, actor, true);
  }

  /** Saves a new draft; {@code signed}: append the account's signature to the text. */
  OutboundMessage newDraft(Compose compose, Actor actor, boolean signed) {
    Mailbox from = engine.read(actor, (w, a) -> Senders.requireSendAs(a, compose.mailbox()));
    var stored = files.store(compose.attachments(), actor);
    return engine.write(actor, (w, a) -> {
      Senders.requireSendAs(a, from.id());
      if (compose.conversation() != null) {
        w.visible(compose.conversation(), a);
      }
      SendingAccount account = w.s().outbound().account(actor.tenant(), from.id());
      Compose signedCompose = signed ? compose.toBuilder()
          .text(Letters.withSignature(compose.text(), account.signatureText())).build() : compose;
      Letter letter = Letters.of(signedCompose, from, account, stored, false);
      OutboundMessage m = new OutboundMessage(actor.tenant(), OutboundId.random(), from.id(),
          compose.conversation(), actor.user(), letter, org.mastermail.outbound.Delivery.draft(), w.now(), w.now(), 1);
      w.s().outbound().insert(m);
      return m;
    });
  }

  @Override
  public OutboundMessage reply(MessageId message, ReplyMode mode, Actor actor) {
    Check.present("message", message);
    Check.present("mode", mode);
    return newDraft(ReplyDrafts.reply(engine, mime, message, mode, actor), actor, false);
  }

  @Override
  public OutboundMessage forward(MessageId message, Actor actor) {
    Check.present("message", message);
    return newDraft(ReplyDrafts.forward(engine, message, actor), actor, false);
  }

  @Override
  public OutboundMessage edit(OutboundId draft, long expectedVersion, Compose compose, Actor actor) {
    Check.present("draft", draft);
    Check.present("compose", compose);
    engine.read(actor, (w, a) -> ownDraft(w, a, draft, expectedVersion));
    var stored = files.store(compose.attachments(), actor);
    return engine.write(actor, (w, a) -> {
      OutboundMessage m = ownDraft(w, a, draft, expectedVersion);
      Mailbox from = Senders.requireSendAs(a, compose.mailbox());
      if (compose.conversation() != null && !compose.conversation().equals(m.conversation())) {
        w.visible(compose.conversation(), a);
      }
      Letter letter = Letters.of(compose, from, w.s().outbound().account(actor.tenant(), from.id()), stored, false);
      OutboundMessage next = new OutboundMessage(m.tenant(), m.id(), from.id(), compose.conversation(), m.author(),
          letter, m.delivery(), m.createdAt(), w.now(), m.version() + 1);
      return save(w, next);
    });
  }

  @Override
  public OutboundMessage queue(OutboundId draft, long expectedVersion, Actor actor) {
    Check.present("draft", draft);
    OutboundMessage m = engine.read(actor, (w, a) -> {
      OutboundMessage d = ownDraft(w, a, draft, expectedVersion);
      Senders.requireSendAs(a, d.mailbox());
      Letters.requireSendable(d.letter());
      return d;
    });
    Instant at = engine.clock().instant();
    String messageId = newMessageId(m.letter().from());
    SingleInstanceStore.Archived bytes = mime.store(m.letter(), messageId, at);
    OutboundMessage result = engine.write(actor, (w, a) -> {
      OutboundMessage d = ownDraft(w, a, draft, expectedVersion);
      Mailbox from = Senders.requireSendAs(a, d.mailbox());
      ConversationId conversation = d.conversation() != null ? d.conversation()
          : startConversation(w, from, d.letter().subject(), actor).id();
      OutboundMessage next = d.with(conversation,
          d.delivery().queued(messageId, bytes.skeleton(), bytes.rawSize(), w.now()), w.now());
      save(w, next);
      w.event(actor.tenant(), EventType.OUTBOUND_QUEUED, conversation, actor.user(), null, messageId, 0);
      w.mailQueued();
      return next;
    });
    return result;
  }

  @Override
  public OutboundMessage send(Compose compose, Actor actor) {
    OutboundMessage d = draft(compose, actor);
    return queue(d.id(), d.version(), actor);
  }

  @Override
  public OutboundMessage cancel(OutboundId message, Actor actor) {
    Check.present("message", message);
    return engine.write(actor, (w, a) -> {
      OutboundMessage m = visible(w, a, message);
      boolean author = actor.user().equals(m.author());
      if (!author && !a.mailbox(m.mailbox()).map(x -> x.can(Permission.SEND_AS)).orElse(false)) {
        throw new PermissionDeniedException("user " + a.user().email() + " may not cancel message " + message
            + ": only its author or a sender of its mailbox may");
      }
      if (!Set.of(OutboundState.DRAFT, OutboundState.QUEUED, OutboundState.FAILED).contains(m.state())) {
        throw new ConflictException("message " + message + " is " + m.state() + " and can no longer be cancelled");
      }
      OutboundMessage next = save(w, m.with(m.delivery().cancelled(), w.now()));
      if (m.conversation() != null) {
        w.event(actor.tenant(), EventType.OUTBOUND_CANCELLED, m.conversation(), actor.user(), m.state(),
            OutboundState.CANCELLED, 0);
      }
      return next;
    });
  }

  @Override
  public OutboundMessage resend(OutboundId message, Actor actor) {
    Check.present("message", message);
    OutboundMessage result = engine.write(actor, (w, a) -> {
      OutboundMessage m = visible(w, a, message);
      Senders.requireSendAs(a, m.mailbox());
      if (m.state() != OutboundState.FAILED) {
        throw new ConflictException("message " + message + " is " + m.state() + "; only a failed one can be resent");
      }
      OutboundMessage next = save(w, m.with(m.delivery().requeued(w.now()), w.now()));
      w.event(actor.tenant(), EventType.OUTBOUND_QUEUED, m.conversation(), actor.user(), OutboundState.FAILED,
          m.delivery().messageIdHeader(), 0);
      w.mailQueued();
      return next;
    });
    return result;
  }

  @Override
  public OutboundMessage get(OutboundId message, Actor actor) {
    Check.present("message", message);
    return engine.read(actor, (w, a) -> visible(w, a, message));
  }

  @Override
  public Page<OutboundMessage> list(MailboxId mailbox, OutboxView view, @Nullable String cursor, int limit,
      Actor actor) {
    Check.present("mailbox", mailbox);
    Check.present("view", view);
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    OutboundKeyset after = cursor == null ? null : OutboundCursor.decode(cursor);
    return engine.read(actor, (w, a) -> {
      Senders.visibleMailbox(a, mailbox);
      List<OutboundMessage> rows = w.s().outbound().list(actor.tenant(), mailbox, view.states(),
          view == OutboxView.DRAFTS ? actor.user() : null, after, limit + 1);
      boolean more = rows.size() > limit;
      List<OutboundMessage> items = more ? rows.subList(0, limit) : rows;
      OutboundMessage last = items.isEmpty() ? null : items.get(items.size() - 1);
      return new Page<>(items, more && last != null ? OutboundCursor.encode(last) : null);
    });
  }

  @Override
  public InputStream mime(OutboundId message, Actor actor) {
    OutboundMessage m = get(message, actor);
    if (m.delivery().mime() == null) {
      throw new NotFoundException("message " + message + " is a draft: its bytes are fixed when it is queued");
    }
    return mime.open(m.delivery().mime());
  }

  @Override
  public Template saveTemplate(Template template, Actor actor) {
    return templates.save(template, actor);
  }

  @Override
  public List<Template> templates(MailboxId mailbox, Actor actor) {
    return templates.list(mailbox, actor);
  }

  @Override
  public void deleteTemplate(TemplateId template, Actor actor) {
    templates.delete(template, actor);
  }

  @Override
  public OutboundMessage fromTemplate(TemplateId template, Recipient recipient, Actor actor) {
    return newDraft(templates.compose(template, recipient, actor), actor, false);
  }

  @Override
  public List<BulkResult> bulk(TemplateId template, List<Recipient> recipients, Actor actor) {
    return templates.bulk(template, recipients, actor);
  }

  /** Queues a draft in one go (the bulk path: checks were made while composing it). */
  OutboundMessage queueNew(Compose compose, Actor actor) {
    OutboundMessage d = newDraft(compose, actor, false);
    return queue(d.id(), d.version(), actor);
  }

  private String newMessageId(String from) {
    return SystemMailer.messageId(from, messageIdDomain);
  }

  private static Conversation startConversation(Work w, Mailbox mailbox, String subject, Actor actor) {
    Status first = w.s().statuses().list(actor.tenant()).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("tenant " + actor.tenant() + " has no status"));
    Conversation c = new Conversation(actor.tenant(), ConversationId.random(), mailbox.id(), subject, actor.user(),
        first.id(), null, false, Set.of(), Set.of(), w.now(), w.now(), 1);
    w.s().conversations().insert(c);
    w.event(c, EventType.CONVERSATION_CREATED, actor.user(), null, subject);
    w.event(c, EventType.ASSIGNED, actor.user(), null, actor.user());
    return c;
  }

  /** The actor's own draft at the expected version. */
  private static OutboundMessage ownDraft(Work w, Access a, OutboundId id, long expectedVersion) {
    OutboundMessage m = w.s().outbound().find(a.user().tenant(), id)
        .filter(x -> a.user().id().equals(x.author()))
        .orElseThrow(() -> new NotFoundException("draft " + id + " not found"));
    if (m.state() != OutboundState.DRAFT) {
      throw new ConflictException("message " + id + " is " + m.state() + ", no longer a draft");
    }
    if (m.version() != expectedVersion) {
      throw new ConflictException("draft " + id + " was changed elsewhere (now at version " + m.version()
          + ", expected " + expectedVersion + ")");
    }
    return m;
  }

  /** A message the actor may see: their own, or a non-draft of a mailbox they see. */
  private static OutboundMessage visible(Work w, Access a, OutboundId id) {
    Optional<OutboundMessage> found = w.s().outbound().find(a.user().tenant(), id);
    return found.filter(m -> a.user().id().equals(m.author())
            || m.state() != OutboundState.DRAFT && a.mailbox(m.mailbox()).isPresent())
        .orElseThrow(() -> new NotFoundException("outbound message " + id + " not found"));
  }

  private static OutboundMessage save(Work w, OutboundMessage next) {
    if (!w.s().outbound().update(next)) {
      throw new ConflictException("message " + next.id() + " was changed by someone else");
    }
    return next;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
