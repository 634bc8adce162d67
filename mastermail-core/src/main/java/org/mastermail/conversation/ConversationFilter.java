package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * Narrows a {@link View}. Empty sets and nulls mean "no restriction". Build with {@link #none()} and the
 * {@code with...} methods: {@code ConversationFilter.none().withMailboxes(Set.of(info)).withCategories(Set.of(OPEN))}.
 */
public record ConversationFilter(Set<MailboxId> mailboxes, Set<StatusId> statuses, Set<StatusCategory> categories,
    @Nullable String tag, @Nullable Instant dueBefore, @Nullable EntityRef linkedTo, @Nullable UserId assignee,
    @Nullable String text) {
  /** The longest full-text query accepted. */
  public static final int MAX_TEXT = 500;

  public ConversationFilter {
    if (text != null) {
      text = text.strip();
      if (text.isEmpty()) {
        text = null;
      } else if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("a full-text query has at most " + MAX_TEXT
            + " characters and no control characters");
      }
    }
    mailboxes = Set.copyOf(requireNonNull(mailboxes, "mailboxes"));
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
    categories = Set.copyOf(requireNonNull(categories, "categories"));
  }

  private static final ConversationFilter NONE =
      new ConversationFilter(Set.of(), Set.of(), Set.of(), null, null, null, null, null);

  public static ConversationFilter none() {
    return NONE;
  }

  public ConversationFilter withMailboxes(Set<MailboxId> value) {
    return new ConversationFilter(value, statuses, categories, tag, dueBefore, linkedTo, assignee, text);
  }

  public ConversationFilter withStatuses(Set<StatusId> value) {
    return new ConversationFilter(mailboxes, value, categories, tag, dueBefore, linkedTo, assignee, text);
  }

  public ConversationFilter withCategories(Set<StatusCategory> value) {
    return new ConversationFilter(mailboxes, statuses, value, tag, dueBefore, linkedTo, assignee, text);
  }

  public ConversationFilter withTag(@Nullable String value) {
    return new ConversationFilter(mailboxes, statuses, categories, value, dueBefore, linkedTo, assignee, text);
  }

  public ConversationFilter withDueBefore(@Nullable Instant value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, value, linkedTo, assignee, text);
  }

  public ConversationFilter withLinkedTo(@Nullable EntityRef value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, dueBefore, value, assignee, text);
  }

  /**
   * Only conversations with a message whose subject, addresses, text or attachment names contain every word of
   * {@code value} (case-insensitive; PostgreSQL full-text search, a substring match on H2 and in memory).
   */
  public ConversationFilter withText(@Nullable String value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, dueBefore, linkedTo, assignee, value);
  }

  /** The user whose queue {@link View#ASSIGNED_TO} lists. */
  public ConversationFilter withAssignee(@Nullable UserId value) {
    return new ConversationFilter(mailboxes, statuses, categories, tag, dueBefore, linkedTo, value, text);
  }
}
