package org.mastermail.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * A listing as the engine hands it to storage, visibility already resolved. A row matches when all hold:
 * <ul>
 *   <li>{@code mailbox IN mailboxes} (never empty: the engine does not query when nothing is visible);</li>
 *   <li>{@code mailbox IN fullAccess OR assignee = viewer OR assignee IS NULL} (visibility);</li>
 *   <li>the {@link AssigneeScope} condition;</li>
 *   <li>{@code status IN statuses} when not empty, tagged {@code tag}, {@code dueAt < dueBefore}, linked to
 *       {@code linkedTo}, when given;</li>
 *   <li>when {@code text} is given: the conversation has a message whose subject, sender, recipients, text body or
 *       attachment names contain every word of it, ignoring case (a storage may match words more cleverly, for
 *       example PostgreSQL full-text search).</li>
 * </ul>
 * Rows come in {@link #sort} order (ties by id, see {@link Keyset}), strictly after {@code after} when given, at most
 * {@code limit} of them. The sort key is {@code lastActivityAt} for NEWEST / OLDEST and {@link #dueKey} for DUE.
 */
public record ConversationQuery(TenantId tenant, UserId viewer, Set<MailboxId> mailboxes, Set<MailboxId> fullAccess,
    AssigneeScope scope, @Nullable UserId assignee, Set<StatusId> statuses, @Nullable String tag,
    @Nullable Instant dueBefore, @Nullable EntityRef linkedTo, Sort sort, @Nullable Keyset after, int limit,
    @Nullable String text) {
  /** The due key of a conversation without a due date: sorts after every real date. */
  public static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

  public ConversationQuery {
    requireNonNull(tenant, "tenant");
    requireNonNull(viewer, "viewer");
    mailboxes = Set.copyOf(requireNonNull(mailboxes, "mailboxes"));
    fullAccess = Set.copyOf(requireNonNull(fullAccess, "fullAccess"));
    requireNonNull(scope, "scope");
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    requireNonNull(sort, "sort");
    if (mailboxes.isEmpty()) {
      throw new IllegalArgumentException("mailboxes must not be empty");
    }
    if ((scope == AssigneeScope.ASSIGNED_TO) != (assignee != null)) {
      throw new IllegalArgumentException("assignee is given exactly when scope is ASSIGNED_TO");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }

  /** The sort key of {@code c} under {@code sort}. */
  public static Instant sortKey(Conversation c, Sort sort) {
    return sort == Sort.DUE ? dueKey(c) : c.lastActivityAt();
  }

  /** {@code dueAt}, or {@link #NO_DUE} when there is none. */
  public static Instant dueKey(Conversation c) {
    return c.dueAt() == null ? NO_DUE : c.dueAt();
  }

  /** The same query with another assignee condition (used to count each view). */
  public ConversationQuery withScope(AssigneeScope newScope, @Nullable UserId newAssignee) {
    return new ConversationQuery(tenant, viewer, mailboxes, fullAccess, newScope, newAssignee, statuses, tag,
        dueBefore, linkedTo, sort, after, limit, text);
  }
}
