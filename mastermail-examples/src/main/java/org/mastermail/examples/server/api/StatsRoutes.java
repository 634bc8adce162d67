package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.report.DailyReport;
import org.mastermail.report.MailboxBacklog;
import org.mastermail.report.UserDay;

/**
 * {@code GET /api/stats/daily?date=2026-03-02&zone=Europe/Warsaw&reactionHours=24}: the day's figures per user and
 * the unassigned backlog per shared mailbox, from {@code mm.reports()} (which checks VIEW_REPORTS). The date defaults
 * to today in the zone, the zone to UTC, the reaction limit to 24 hours.
 */
final class StatsRoutes {
  private final MasterMail mm;

  StatsRoutes(MasterMail mm) {
    this.mm = mm;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/stats/daily", this::daily);
  }

  private void daily(Context ctx) {
    ZoneId zone = zone(Requests.query(ctx, "zone"));
    String date = Requests.query(ctx, "date");
    LocalDate day = date == null ? LocalDate.ofInstant(mm.clock().instant(), zone) : date(date);
    int hours = Requests.queryInt(ctx, "reactionHours", 24, 1, 24 * 30);
    DailyReport report = mm.reports().daily(day, zone, Duration.ofHours(hours), Access.actor(ctx));
    ctx.json(new DailyJson(report.day().toString(), report.zone().getId(), report.asOf(), hours,
        report.users().stream().map(UserJson::of).toList(),
        report.mailboxes().stream().map(BacklogJson::of).toList()));
  }

  private static ZoneId zone(@Nullable String value) {
    if (value == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new InvalidInputException("zone is not a time zone (like Europe/Warsaw): '" + value + "'", e);
    }
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new InvalidInputException("date must be a day like 2026-03-02, was '" + value + "'", e);
    }
  }

  record DailyJson(String date, String zone, Instant asOf, int reactionHours, List<UserJson> users,
      List<BacklogJson> mailboxes) {}

  record UserJson(String id, String name, long read, long assigned, long taken, long closed, long repliesSent,
      long open, long unread, long urgentDueToday, long dueTomorrow, long overdue, long withoutReaction) {
    static UserJson of(UserDay u) {
      return new UserJson(u.user().toString(), u.name(), u.read(), u.assigned(), u.taken(), u.closed(),
          u.repliesSent(), u.open(), u.unread(), u.urgentDueToday(), u.dueTomorrow(), u.overdue(),
          u.withoutReaction());
    }
  }

  record BacklogJson(String id, String address, long unassigned, @Nullable Long oldestSeconds) {
    static BacklogJson of(MailboxBacklog m) {
      return new BacklogJson(m.mailbox().toString(), m.address(), m.unassigned(),
          m.oldest() == null ? null : m.oldest().toSeconds());
    }
  }
}
