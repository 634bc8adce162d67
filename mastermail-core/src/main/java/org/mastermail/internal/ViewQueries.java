package org.mastermail.internal;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.conversation.ViewCounts;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.storage.AssigneeScope;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.UserId;

/** Turns a view and filter into a {@link ConversationQuery} with the actor's visibility resolved. */
final class ViewQueries {
  private ViewQueries() {}

  /**
   * The query for {@code view}, or null when the actor can see nothing that could match (no mailbox, or a filter on
   * mailboxes they do not see).
   */
  static @Nullable ConversationQuery build(Work work, Access access, View view, ConversationFilter filter, Sort sort,
      @Nullable Keyset after, int limit) {
    UserId me = access.user().id();
    Set<MailboxId> mailboxes = new HashSet<>(access.visibleMailboxes());
    Set<MailboxId> full = new HashSet<>(access.fullAccessMailboxes());
    AssigneeScope scope;
    UserId assignee = null;
    switch (view) {
      case MINE -> {
        scope = AssigneeScope.ASSIGNED_TO;
        assignee = me;
      }
      case UNASSIGNED -> scope = AssigneeScope.UNASSIGNED;
      case INBOX -> scope = AssigneeScope.VIEWER_OR_UNASSIGNED;
      case ALL -> {
        if (full.isEmpty()) {
          throw new PermissionDeniedException("user " + access.user().email()
              + " may not list all conversations: permission VIEW_ALL is required in at least one mailbox");
        }
        scope = AssigneeScope.ANY;
      }
      case ASSIGNED_TO -> {
        assignee = filter.assignee();
        if (assignee == null) {
          throw new InvalidInputException("view ASSIGNED_TO needs the filter's assignee");
        }
        scope = AssigneeScope.ASSIGNED_TO;
        if (!assignee.equals(me)) {
          if (full.isEmpty()) {
            throw new PermissionDeniedException("user " + access.user().email()
                + " may not list a colleague's conversations: permission VIEW_ALL is required");
          }
          mailboxes.retainAll(full);
        }
      }
      default -> throw new IllegalStateException("unknown view " + view);
    }
    if (!filter.mailboxes().isEmpty()) {
      mailboxes.retainAll(filter.mailboxes());
    }
    if (mailboxes.isEmpty()) {
      return null;
    }
    full.retainAll(mailboxes);
    Set<StatusId> statuses = statuses(work, access, filter);
    if (statuses == null) {
      return null;
    }
    return new ConversationQuery(access.user().tenant(), me, mailboxes, full, scope, assignee, statuses, filter.tag(),
        filter.dueBefore(), filter.linkedTo(), sort, after, limit, filter.text());
  }

  /** The status ids the filter allows (empty = any), or null when status and category filters exclude everything. */
  private static @Nullable Set<StatusId> statuses(Work work, Access access, ConversationFilter filter) {
    if (filter.statuses().isEmpty() && filter.categories().isEmpty()) {
      return Set.of();
    }
    Set<StatusId> result = new HashSet<>();
    for (Status s : work.s().statuses().list(access.user().tenant())) {
      boolean statusOk = filter.statuses().isEmpty() || filter.statuses().contains(s.id());
      boolean categoryOk = filter.categories().isEmpty() || filter.categories().contains(s.category());
      if (statusOk && categoryOk) {
        result.add(s.id());
      }
    }
    for (StatusId id : filter.statuses()) {
      if (work.s().statuses().find(access.user().tenant(), id).isEmpty()) {
        throw new NotFoundException("status " + id + " not found");
      }
    }
    return result.isEmpty() ? null : result;
  }

  static ViewCounts counts(Work work, Access access, ConversationFilter filter) {
    long mine = count(work, access, View.MINE, filter);
    long unassigned = count(work, access, View.UNASSIGNED, filter);
    // the inbox is exactly one's own plus the unassigned ones, two disjoint sets
    long inbox = mine + unassigned;
    OptionalLong all = access.fullAccessMailboxes().isEmpty()
        ? OptionalLong.empty() : OptionalLong.of(count(work, access, View.ALL, filter));
    return new ViewCounts(mine, unassigned, inbox, all);
  }

  private static long count(Work work, Access access, View view, ConversationFilter filter) {
    ConversationQuery q = build(work, access, view, filter, Sort.NEWEST, null, 1);
    return q == null ? 0 : work.s().conversations().count(q);
  }
}
