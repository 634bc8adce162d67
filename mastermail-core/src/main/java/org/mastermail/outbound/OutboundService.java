package org.mastermail.outbound;

import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.Page;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageId;

/**
 * Writing and sending mail as an actor. Who may send from where is decided here: from a shared mailbox, members
 * holding {@link org.mastermail.permission.Permission#SEND_AS}; from a personal one, its owner only; delegates never.
 *
 * <pre>{@code
 * OutboundService out = mm.outbound();
 * OutboundMessage draft = out.reply(incoming.id(), ReplyMode.REPLY, anna);
 * draft = out.edit(draft.id(), draft.version(),
 *     Compose.of(draft).toBuilder().text("Thank you, we will fix it tomorrow.\n\n" + draft.letter().text()).build(),
 *     anna);
 * out.queue(draft.id(), draft.version(), anna);   // the dispatcher sends it in the background
 * }</pre>
 */
public interface OutboundService {
  /** The mailboxes the actor may send from. */
  List<Mailbox> sendingAccounts(Actor actor);

  /** A mailbox's sending settings (display name, reply-to, signature); for anyone who sees the mailbox. */
  SendingAccount account(MailboxId mailbox, Actor actor);

  /** Saves a mailbox's sending settings; needs MANAGE_MAILBOXES (or owning the personal mailbox). */
  SendingAccount configure(SendingAccount account, Actor actor);

  /** Saves a new draft (files are stored now). */
  OutboundMessage draft(Compose compose, Actor actor);

  /**
   * A draft answering {@code message}: recipients from its Reply-To or sender (and, for REPLY_ALL, its To and Cc
   * without the mailbox itself), "Re:" subject, threading headers, the quoted text and the account's signature. The
   * sending account is the conversation's mailbox when the actor may send from it, else their first own account.
   */
  OutboundMessage reply(MessageId message, ReplyMode mode, Actor actor);

  /** A draft forwarding {@code message} with its text quoted and its files attached (stored ones are not copied). */
  OutboundMessage forward(MessageId message, Actor actor);

  /** Replaces a draft's content; only its author may, and only while it is a draft. */
  OutboundMessage edit(OutboundId draft, long expectedVersion, Compose compose, Actor actor);

  /**
   * Queues a draft: checks the sending account and every address, fixes the MIME bytes and Message-ID, and hands it
   * to the dispatcher. New mail starts a conversation in the sending mailbox, assigned to its author.
   */
  OutboundMessage queue(OutboundId draft, long expectedVersion, Actor actor);

  /** {@link #draft} and {@link #queue} at once. */
  OutboundMessage send(Compose compose, Actor actor);

  /** Withdraws a draft, or a queued or failed message (never one being sent or sent). */
  OutboundMessage cancel(OutboundId message, Actor actor);

  /** Queues a failed message again, with the same bytes and Message-ID and a fresh count of attempts. */
  OutboundMessage resend(OutboundId message, Actor actor);

  OutboundMessage get(OutboundId message, Actor actor);

  /** One page of a mailbox's drafts (the actor's own), outbox, sent, failed or cancelled mail, newest first. */
  Page<OutboundMessage> list(MailboxId mailbox, OutboxView view, @Nullable String cursor, int limit, Actor actor);

  /** The exact bytes fixed at enqueue (what the server receives). */
  InputStream mime(OutboundId message, Actor actor);

  /** Saves a template (new when its id is unknown); needs MANAGE_MAILBOXES. */
  Template saveTemplate(Template template, Actor actor);

  List<Template> templates(MailboxId mailbox, Actor actor);

  void deleteTemplate(TemplateId template, Actor actor);

  /** A draft from a template filled with {@code recipient}'s data and files. */
  OutboundMessage fromTemplate(TemplateId template, Recipient recipient, Actor actor);

  /**
   * Queues one message per recipient from a template, each with its own data and files, each in a conversation of its
   * own. A recipient with an invalid address or missing data is reported and skipped; the others are queued.
   */
  List<BulkResult> bulk(TemplateId template, List<Recipient> recipients, Actor actor);
}
