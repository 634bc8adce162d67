package org.mastermail.conversation;

import java.io.InputStream;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.Page;
import org.mastermail.event.Event;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * The daily work of an office: list, take, assign, set status, tag, link, note, read. Every call takes the acting
 * {@link Actor} last and checks permissions and visibility itself: an actor sees, in the mailboxes they belong to or
 * are delegated, the conversations assigned to them and every unassigned one; with VIEW_ALL, all of the mailbox.
 * A conversation the actor may not see is reported as not found.
 *
 * <p>Every change appends an event and bumps the conversation's version. Pass {@link Conversation#ref()} to act on
 * the version you saw (a concurrent change then fails with {@link org.mastermail.ConflictException}), or
 * {@link ConversationRef#latest(ConversationId)} to act on whatever is current.
 *
 * <pre>{@code
 * Page<ConversationSummary> inbox = triage.list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 50, me);
 * Conversation c = inbox.items().get(0).conversation();
 * triage.take(c.ref(), me);
 * }</pre>
 */
public interface TriageService {
  /** The largest page {@link #list} returns. */
  int MAX_PAGE_SIZE = 500;

  /**
   * One page of a view. {@code cursor} is null for the first page, else the {@link Page#next()} of the previous page
   * of the same view, filter and sort.
   */
  Page<ConversationSummary> list(View view, ConversationFilter filter, Sort sort, @Nullable String cursor, int limit,
      Actor actor);

  /** How many conversations each view holds for the actor under {@code filter}. */
  ViewCounts counts(ConversationFilter filter, Actor actor);

  /** A conversation with its messages, notes and history. */
  ConversationDetails get(ConversationId id, Actor actor);

  /**
   * For a page of conversations, who wrote last and how many messages each holds, in one read: what an inbox row shows
   * beside the subject, without a {@link #get} per row. Conversations the actor does not see, or that do not exist,
   * are left out of the map, as {@link #get} would report them not found.
   *
   * @throws org.mastermail.InvalidInputException for more than {@link #MAX_PAGE_SIZE} conversations
   */
  Map<ConversationId, Correspondence> correspondence(Collection<ConversationId> ids, Actor actor);

  /** The archived content of a message of a conversation the actor sees: bodies, attachments, parse problems. */
  MessageContent content(MessageId message, Actor actor);

  /**
   * The original raw bytes of a message the actor sees, exactly as received (rebuilt from its single-instance
   * skeleton); the caller closes the stream.
   */
  InputStream raw(MessageId message, Actor actor);

  /**
   * A received message of a conversation the actor sees as the router saw it when it arrived, rebuilt from its raw
   * bytes: every header, the bodies, and whether it continued a conversation (an earlier message there). For rule
   * tools such as explaining a routing or trying a draft rule set on past mail.
   *
   * @throws org.mastermail.InvalidInputException when the message is not a received one (a sent reply, say)
   */
  IncomingMessage incoming(MessageId message, Actor actor);

  /** The decoded bytes of attachment {@code index} of a message the actor sees; the caller closes the stream. */
  InputStream attachment(MessageId message, int index, Actor actor);

  /** Starts a conversation in a mailbox by hand (a phone call, a letter): unassigned, in the first status. */
  Conversation open(MailboxId mailbox, String subject, Actor actor);

  /** Assigns to the actor: needs TAKE, and REASSIGN when it is assigned to someone else. */
  Conversation take(ConversationRef ref, Actor actor);

  /**
   * Assigns an unassigned (or the actor's own) conversation to {@code assignee}, who must see the mailbox: ASSIGN
   * (TAKE when it is the actor). A conversation of someone else needs {@link #reassign}.
   */
  Conversation assign(ConversationRef ref, UserId assignee, Actor actor);

  /** Moves a conversation from its current assignee to {@code assignee}: REASSIGN, plus ASSIGN or TAKE as above. */
  Conversation reassign(ConversationRef ref, UserId assignee, Actor actor);

  /** Makes a conversation unassigned (NA) again: one's own freely, someone else's with REASSIGN. */
  Conversation unassign(ConversationRef ref, Actor actor);

  /** Sets the status: SET_STATUS for that status, and the current status must allow the transition. */
  Conversation setStatus(ConversationRef ref, StatusId status, Actor actor);

  /** Sets or clears ({@code dueAt} null) the due date and urgency: the assignee, or ASSIGN. */
  Conversation setDue(ConversationRef ref, @Nullable Instant dueAt, boolean urgent, Actor actor);

  Conversation tag(ConversationRef ref, String tag, Actor actor);

  Conversation untag(ConversationRef ref, String tag, Actor actor);

  /** Links the conversation to a record of the host product. */
  Conversation link(ConversationRef ref, EntityRef entity, Actor actor);

  Conversation unlink(ConversationRef ref, EntityRef entity, Actor actor);

  /** Adds an internal note (never sent to the customer). */
  Note addNote(ConversationId id, String body, Actor actor);

  /** Marks the conversation read for the actor only. */
  void markRead(ConversationId id, Actor actor);

  /** Marks the conversation unread for the actor only. */
  void markUnread(ConversationId id, Actor actor);

  /** The conversation's events, oldest first. */
  List<Event> history(ConversationId id, Actor actor);
}
