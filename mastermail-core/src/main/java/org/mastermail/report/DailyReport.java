package org.mastermail.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.mastermail.tenant.UserId;

/**
 * The figures of one day: one row per active user (by name) and one per shared mailbox (by address).
 *
 * @param asOf when the figures about the current state were taken
 */
public record DailyReport(LocalDate day, ZoneId zone, Instant asOf, List<UserDay> users,
    List<MailboxBacklog> mailboxes) {
  public DailyReport {
    requireNonNull(day, "day");
    requireNonNull(zone, "zone");
    requireNonNull(asOf, "asOf");
    users = List.copyOf(requireNonNull(users, "users"));
    mailboxes = List.copyOf(requireNonNull(mailboxes, "mailboxes"));
  }

  /** The row of {@code user}, if they are active. */
  public Optional<UserDay> user(UserId user) {
    return users.stream().filter(u -> u.user().equals(user)).findFirst();
  }
}
