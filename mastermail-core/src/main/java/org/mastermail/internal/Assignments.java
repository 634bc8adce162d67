package org.mastermail.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.Conversation;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.permission.Permission;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Who may move a conversation between assignees. Taking something from a colleague needs REASSIGN; giving to oneself
 * needs TAKE; giving to anyone else needs ASSIGN; releasing one's own needs nothing more. The new assignee must be an
 * active user who can see the mailbox.
 */
final class Assignments {
  private Assignments() {}

  static Conversation change(Work w, Access a, Conversation c, @Nullable UserId to, boolean take) {
    UserId me = a.user().id();
    UserId from = c.assignee();
    if (Objects.equals(from, to)) {
      return c;
    }
    if (from != null && !from.equals(me)) {
      a.require(c, Permission.REASSIGN, "take a conversation away from a colleague");
    }
    if (to != null && to.equals(me)) {
      a.require(c, Permission.TAKE, take ? "take a conversation" : "assign a conversation to themselves");
    } else if (to != null) {
      a.require(c, Permission.ASSIGN, "assign a conversation to a colleague");
      requireCanWork(w, c, to);
    }
    Conversation next = w.save(c.change().assignee(to).done());
    w.event(next, to == null ? EventType.UNASSIGNED : EventType.ASSIGNED, me, from, to);
    return next;
  }

  /** The assignee must be an active user of the tenant who sees the conversation's mailbox. */
  private static void requireCanWork(Work w, Conversation c, UserId to) {
    User user = w.s().users().find(c.tenant(), to)
        .orElseThrow(() -> new NotFoundException("user " + to + " not found"));
    if (!user.active()) {
      throw new InvalidInputException("user " + user.email() + " is deactivated and cannot be assigned work");
    }
    Access theirs = AccessResolver.resolve(w.s(), new org.mastermail.Actor(c.tenant(), to), w.now());
    if (theirs.mailbox(c.mailbox()).isEmpty()) {
      Mailbox m = w.s().mailboxes().find(c.tenant(), c.mailbox()).orElseThrow();
      throw new InvalidInputException("user " + user.email() + " cannot see mailbox " + m.address()
          + (m.kind() == MailboxKind.PERSONAL ? " (a personal mailbox)" : " (not a member)")
          + " and cannot be assigned its conversations");
    }
  }
}
