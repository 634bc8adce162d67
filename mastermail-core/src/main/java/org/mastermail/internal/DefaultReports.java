package org.mastermail.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.event.Event;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageMeta;
import org.mastermail.permission.Permission;
import org.mastermail.report.DailyReport;
import org.mastermail.report.MailboxBacklog;
import org.mastermail.report.ReportService;
import org.mastermail.report.UserDay;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.storage.AssigneeScope;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/** Daily statistics from the day's events and the current state of the shared mailboxes. */
public final class DefaultReports implements ReportService {
  private static final int PAGE = 500;

  private final Engine engine;

  public DefaultReports(Engine engine) {
    this.engine = engine;
  }

  @Override
  public DailyReport daily(LocalDate day, ZoneId zone, Duration reactionWithin, Actor actor) {
    Check.present("day", day);
    Check.present("zone", zone);
    Check.present("reactionWithin", reactionWithin);
    if (reactionWithin.isNegative() || reactionWithin.isZero()) {
      throw new InvalidInputException("reactionWithin must be positive, was " + reactionWithin);
    }
    return engine.read(actor, (w, a) -> {
      a.require(Permission.VIEW_REPORTS, "read reports");
      return new Day(w, actor, day, zone, reactionWithin).report();
    });
  }

  /** One report being made: the day's window, the tenant's shared mailboxes and statuses. */
  private static final class Day {
    private final Work w;
    private final Actor actor;
    private final LocalDate day;
    private final ZoneId zone;
    private final Duration reactionWithin;
    private final Instant start;
    private final Instant end;
    private final Instant now;
    private final Set<MailboxId> shared = new HashSet<>();
    private final List<Mailbox> sharedMailboxes = new ArrayList<>();
    private final Map<StatusId, Status> statuses = new HashMap<>();
    private final Set<StatusId> notClosed = new HashSet<>();
    private final Map<ConversationId, Boolean> inShared = new HashMap<>();

    Day(Work w, Actor actor, LocalDate day, ZoneId zone, Duration reactionWithin) {
      this.w = w;
      this.actor = actor;
      this.day = day;
      this.zone = zone;
      this.reactionWithin = reactionWithin;
      this.start = day.atStartOfDay(zone).toInstant();
      this.end = day.plusDays(1).atStartOfDay(zone).toInstant();
      this.now = w.now();
      for (Mailbox m : w.s().mailboxes().list(actor.tenant())) {
        if (m.kind() == MailboxKind.SHARED) {
          shared.add(m.id());
          sharedMailboxes.add(m);
        }
      }
      sharedMailboxes.sort(Comparator.comparing(Mailbox::address));
      for (Status s : w.s().statuses().list(actor.tenant())) {
        statuses.put(s.id(), s);
        if (s.category() != StatusCategory.CLOSED) {
          notClosed.add(s.id());
        }
      }
    }

    DailyReport report() {
      Map<UserId, long[]> happened = happened();
      List<UserDay> users = new ArrayList<>();
      List<User> active = w.s().users().list(actor.tenant()).stream().filter(User::active)
          .sorted(Comparator.comparing(User::displayName).thenComparing(User::email)).toList();
      for (User u : active) {
        long[] h = happened.getOrDefault(u.id(), new long[5]);
        long[] waiting = waiting(u.id());
        users.add(new UserDay(u.id(), u.displayName(), h[0], h[1], h[2], h[3], h[4], waiting[0], waiting[1],
            waiting[2], waiting[3], waiting[4], waiting[5]));
      }
      List<MailboxBacklog> backlog = sharedMailboxes.stream().map(this::backlog).toList();
      return new DailyReport(day, zone, now, users, backlog);
    }

    /** Per user: read, assigned, taken, closed, replies sent on the day. */
    private Map<UserId, long[]> happened() {
      Map<UserId, long[]> counts = new HashMap<>();
      for (Event e : w.s().events().listBetween(actor.tenant(), start, end)) {
        if (e.conversation() == null || !inShared(e.conversation())) {
          continue;
        }
        switch (e.type()) {
          case READ -> add(counts, e.actor(), 0);
          case ASSIGNED -> {
            UserId to = userOrNull(e.after());
            add(counts, to, 1);
            if (to != null && to.equals(e.actor())) {
              add(counts, to, 2);
            }
          }
          case STATUS_CHANGED -> {
            boolean closes = statuses.values().stream().anyMatch(s -> s.name().equals(e.after())
                && s.category() == StatusCategory.CLOSED);
            if (closes) {
              add(counts, e.actor(), 3);
            }
          }
          case MESSAGE_SENT -> add(counts, e.actor(), 4);
          default -> {
            // other events do not count
          }
        }
      }
      return counts;
    }

    /** Per user now: open, unread, urgent due on the day, due the day after, overdue, without reaction. */
    private long[] waiting(UserId user) {
      long[] n = new long[6];
      if (shared.isEmpty() || notClosed.isEmpty()) {
        return n;
      }
      Instant tomorrowEnd = day.plusDays(2).atStartOfDay(zone).toInstant();
      each(query(user, AssigneeScope.ASSIGNED_TO, user, shared), s -> {
        Conversation c = s.conversation();
        n[0]++;
        if (s.unread()) {
          n[1]++;
        }
        Instant due = c.dueAt();
        if (due != null) {
          if (c.urgent() && !due.isBefore(start) && due.isBefore(end)) {
            n[2]++;
          }
          if (!due.isBefore(end) && due.isBefore(tomorrowEnd)) {
            n[3]++;
          }
          if (due.isBefore(now)) {
            n[4]++;
          }
        }
        if (waitingSince(c) != null && waitingSince(c).plus(reactionWithin).isBefore(now)) {
          n[5]++;
        }
      });
      return n;
    }

    /** When the oldest incoming message not answered since arrived, or null when the last word was ours. */
    private @Nullable Instant waitingSince(Conversation c) {
      Instant since = null;
      for (MessageMeta m : w.s().messages().listByConversation(c.tenant(), c.id())) {
        if (m.direction() == Direction.OUTGOING) {
          since = null;
        } else if (since == null) {
          since = m.receivedAt();
        }
      }
      return since;
    }

    private MailboxBacklog backlog(Mailbox m) {
      long[] count = {0};
      Instant[] oldest = {null};
      if (!notClosed.isEmpty()) {
        each(query(actor.user(), AssigneeScope.UNASSIGNED, null, Set.of(m.id())), s -> {
          count[0]++;
          Instant created = s.conversation().createdAt();
          if (oldest[0] == null || created.isBefore(oldest[0])) {
            oldest[0] = created;
          }
        });
      }
      return new MailboxBacklog(m.id(), m.address(), count[0],
          oldest[0] == null ? null : Duration.between(oldest[0], now));
    }

    private ConversationQuery query(UserId viewer, AssigneeScope scope, @Nullable UserId assignee,
        Set<MailboxId> mailboxes) {
      return new ConversationQuery(actor.tenant(), viewer, mailboxes, mailboxes, scope, assignee, notClosed, null,
          null, null, Sort.NEWEST, null, PAGE, null);
    }

    /** Every conversation the query finds, page by page. */
    private void each(ConversationQuery first, Consumer<ConversationSummary> action) {
      ConversationQuery q = first;
      while (true) {
        List<ConversationSummary> page = w.s().conversations().query(q);
        page.forEach(action);
        if (page.size() < PAGE) {
          return;
        }
        Conversation last = page.get(page.size() - 1).conversation();
        q = new ConversationQuery(q.tenant(), q.viewer(), q.mailboxes(), q.fullAccess(), q.scope(), q.assignee(),
            q.statuses(), null, null, null, Sort.NEWEST, new Keyset(last.lastActivityAt(), last.id()), PAGE, null);
      }
    }

    private boolean inShared(ConversationId id) {
      return inShared.computeIfAbsent(id, c -> w.s().conversations().find(actor.tenant(), c)
          .map(x -> shared.contains(x.mailbox())).orElse(false));
    }

    private static void add(Map<UserId, long[]> counts, @Nullable UserId user, int index) {
      if (user != null) {
        counts.computeIfAbsent(user, u -> new long[5])[index]++;
      }
    }

    private static @Nullable UserId userOrNull(@Nullable String text) {
      if (text == null) {
        return null;
      }
      try {
        return UserId.of(text);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
