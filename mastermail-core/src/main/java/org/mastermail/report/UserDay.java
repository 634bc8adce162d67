package org.mastermail.report;

import static java.util.Objects.requireNonNull;

import org.mastermail.tenant.UserId;

/**
 * One user's figures. The first five count what happened on the day, the others what waits for the user now in the
 * conversations assigned to them that are not closed.
 *
 * @param read conversations they marked read
 * @param assigned conversations given to them (by anyone, rules included)
 * @param taken conversations they took themselves (a part of {@code assigned})
 * @param closed conversations they moved to a closed status
 * @param repliesSent messages they wrote that were sent
 * @param open conversations assigned to them and not closed
 * @param unread of those, the ones they have not read since their last change
 * @param urgentDueToday urgent ones due on the day
 * @param dueTomorrow ones due on the day after
 * @param overdue ones whose due time has passed
 * @param withoutReaction ones whose oldest unanswered incoming message has waited longer than the report's limit
 */
public record UserDay(UserId user, String name, long read, long assigned, long taken, long closed, long repliesSent,
    long open, long unread, long urgentDueToday, long dueTomorrow, long overdue, long withoutReaction) {
  public UserDay {
    requireNonNull(user, "user");
    requireNonNull(name, "name");
  }
}
