package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * Narrows a {@link View}. Empty sets and nulls mean "no restriction". Build with {@link #none()} and the
 * {@code with...} methods: {@code ConversationFilter.none().withMailboxes(Set.of(info)).withCategories(Set.of(OPEN))}.
 */
public record ConversationFilter(Set<MailboxId> mailboxes, Set<StatusId> statuses, Set<StatusCategory> categories,
    @Nullable String tag, @Nullable Instant dueBefore, @Nullable EntityRef linkedTo, @Nullable UserId assignee) {
  public ConversationFilter {
    mailboxes = Set.copyOf(requireNonNull(mailboxes, "mailboxes"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    categories = Set.copyOf(requireNonNull(categories, "categories"));
  }

  private static final ConversationFilter NONE =
      new ConversationFilter(Set.of(), Set.of(), Set.of(), null, null, null, null);

  public static ConversationFilter none() {
    return NONE;
  }

  public ConversationFilter withMailboxes(Set<MailboxId> value) {
    return new ConversationFilter(value, statuses, categories, tag, dueBefore, linkedTo, assignee);
  }

  public ConversationFilter withStatuses(Set<StatusId> value) {
    return new ConversationFilter(mailboxes, value, categories, tag, dueBefore, linkedTo, assignee);
  }

  public ConversationFilter withCategories(Set<StatusCategory> value) {
    return new ConversationFilter(mailboxes, statuses, value, tag, dueBefore, linkedTo, assignee);
  }

  public ConversationFilter withTag(@Nullable String value) {
    return new ConversationFilter(mailboxes, statuses, categories, value, dueBefore, linkedTo, assignee);
  }

  public ConversationFilter withDueBefore(@Nullable Instant value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, value, linkedTo, assignee);
  }

  public ConversationFilter withLinkedTo(@Nullable EntityRef value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, dueBefore, value, assignee);
  }

  /** The user whose queue {@link View#ASSIGNED_TO} lists. */
  public ConversationFilter withAssignee(@Nullable UserId value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, dueBefore, linkedTo, value);
  }
}
