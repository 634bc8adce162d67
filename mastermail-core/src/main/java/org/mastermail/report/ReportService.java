package org.mastermail.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.mastermail.Actor;

/**
 * Daily statistics, derived from the event log (what happened that day) and the current state (what waits now), over
 * the tenant's shared mailboxes; personal mailboxes stay private. Figures agree with the triage views: the backlog is
 * what the unassigned view shows, unread uses the same read markers.
 *
 * <pre>{@code
 * DailyReport today = mm.reports().daily(LocalDate.now(zone), zone, Duration.ofHours(24), manager);
 * today.users().forEach(u -> System.out.println(u.name() + ": " + u.unread() + " unread, "
 *     + u.withoutReaction() + " waiting over 24 h"));
 * }</pre>
 */
public interface ReportService {
  /**
   * The figures of {@code day} in {@code zone}; those about the current state (unread, due, overdue, without
   * reaction, backlog) are as of now.
   *
   * @param reactionWithin how long an incoming message may wait for a reply before it counts as left without reaction
   * @throws org.mastermail.PermissionDeniedException without VIEW_REPORTS
   */
  DailyReport daily(LocalDate day, ZoneId zone, Duration reactionWithin, Actor actor);
}
