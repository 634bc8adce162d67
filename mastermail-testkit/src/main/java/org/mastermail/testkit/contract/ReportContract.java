package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.View;
import org.mastermail.intake.IngestResult;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.report.DailyReport;
import org.mastermail.report.MailboxBacklog;
import org.mastermail.report.UserDay;
import org.mastermail.testkit.RecordingTransport;

/** Daily statistics: what happened on the day, what waits now, the unassigned backlog, and who may see them. */
public interface ReportContract extends EngineFixture {
  private IngestResult mail(Office o, String subject) {
    return o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(
        Mails.from("jan@client.example", o.info.address(), subject).body("Dzień dobry\n").bytes()), null);
  }

  private Conversation conversation(Office o, IngestResult r) {
    return o.mm.triage().get(r.conversation(), o.admin).conversation();
  }

  @Test
  default void theDailyReportShouldCountTheDaysWorkAndWhatWaits() {
    Office o = newOffice();
    Instant dayStart = clock().instant();
    LocalDate day = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
    IngestResult answered = mail(o, "answered");
    IngestResult forBob = mail(o, "for bob");
    IngestResult urgent = mail(o, "urgent");
    IngestResult tomorrow = mail(o, "tomorrow");
    IngestResult closed = mail(o, "closed");
    IngestResult backlog = mail(o, "still unassigned");

    Conversation c1 = o.mm.triage().take(conversation(o, answered).ref(), o.alice);
    o.mm.triage().markRead(c1.id(), o.alice);
    o.mm.triage().assign(conversation(o, forBob).ref(), o.bob.user(), o.manager);
    Conversation c3 = o.mm.triage().take(conversation(o, urgent).ref(), o.alice);
    o.mm.triage().setDue(c3.ref(), dayStart.plus(Duration.ofHours(6)), true, o.alice);
    Conversation c4 = o.mm.triage().take(conversation(o, tomorrow).ref(), o.alice);
    o.mm.triage().setDue(c4.ref(), dayStart.plus(Duration.ofHours(26)), false, o.alice);
    Conversation c5 = o.mm.triage().take(conversation(o, closed).ref(), o.alice);
    o.mm.triage().setStatus(c5.ref(), o.status("archived").id(), o.alice);
    OutboundMessage reply = o.mm.outbound().reply(answered.message(), ReplyMode.REPLY, o.alice);
    o.mm.outbound().queue(reply.id(), reply.version(), o.alice);
    RecordingTransport smtp = new RecordingTransport();
    try (Dispatcher d = masterMail().dispatcher(DispatcherSettings.DEFAULTS,
        m -> m.tenant().equals(o.setup.tenant().id()) ? Optional.of(smtp) : Optional.empty())) {
      d.runOnce();
    }
    clock().advance(Duration.ofHours(10)); // 19:00: the urgent one (due 15:00) is overdue, nothing waited 24 h yet

    DailyReport report = o.mm.reports().daily(day, ZoneOffset.UTC, Duration.ofHours(24), o.admin);

    UserDay alice = report.user(o.alice.user()).orElseThrow();
    assertThat(alice.read()).isEqualTo(1);
    assertThat(alice.assigned()).isEqualTo(4);
    assertThat(alice.taken()).isEqualTo(4);
    assertThat(alice.closed()).isEqualTo(1);
    assertThat(alice.repliesSent()).isEqualTo(1);
    assertThat(alice.open()).isEqualTo(3);
    assertThat(alice.urgentDueToday()).isEqualTo(1);
    assertThat(alice.dueTomorrow()).isEqualTo(1);
    assertThat(alice.overdue()).isEqualTo(1);
    assertThat(alice.withoutReaction()).isZero();
    UserDay bob = report.user(o.bob.user()).orElseThrow();
    assertThat(bob.assigned()).isEqualTo(1);
    assertThat(bob.taken()).isZero();
    assertThat(bob.open()).isEqualTo(1);
    assertThat(bob.unread()).isEqualTo(1);
    MailboxBacklog info = report.mailboxes().stream().filter(m -> m.mailbox().equals(o.info.id())).findFirst()
        .orElseThrow();
    assertThat(info.unassigned()).isEqualTo(1);
    assertThat(info.oldest()).isEqualTo(Duration.ofHours(10));
    assertThat(report.mailboxes()).extracting(MailboxBacklog::mailbox).doesNotContain(o.alicePersonal.id());
    // the backlog is what the unassigned view shows a colleague who sees the whole mailbox
    assertThat(idsOf(View.UNASSIGNED, ConversationFilter.none(), o.manager)).containsExactly(backlog.conversation());
  }

  @Test
  default void aMessageWaitingLongerThanTheLimitShouldCountAsLeftWithoutReaction() {
    Office o = newOffice();
    LocalDate day = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
    IngestResult waiting = mail(o, "waiting");
    IngestResult answeredLate = mail(o, "answered");
    o.mm.triage().take(conversation(o, waiting).ref(), o.bob);
    o.mm.triage().take(conversation(o, answeredLate).ref(), o.bob);
    clock().advance(Duration.ofHours(20));
    OutboundMessage reply = o.mm.outbound().reply(answeredLate.message(), ReplyMode.REPLY, o.bob);
    o.mm.outbound().queue(reply.id(), reply.version(), o.bob);
    RecordingTransport smtp = new RecordingTransport();
    try (Dispatcher d = masterMail().dispatcher(DispatcherSettings.DEFAULTS,
        m -> m.tenant().equals(o.setup.tenant().id()) ? Optional.of(smtp) : Optional.empty())) {
      d.runOnce();
    }
    clock().advance(Duration.ofHours(5));

    DailyReport report = o.mm.reports().daily(day, ZoneOffset.UTC, Duration.ofHours(24), o.admin);

    assertThat(report.user(o.bob.user()).orElseThrow().withoutReaction()).isEqualTo(1);
    assertThat(o.mm.reports().daily(day, ZoneOffset.UTC, Duration.ofHours(48), o.admin).user(o.bob.user())
        .orElseThrow().withoutReaction()).isZero();
  }

  @Test
  default void reportsShouldNeedViewReports() {
    Office o = newOffice();
    LocalDate day = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);

    assertThatThrownBy(() -> o.mm.reports().daily(day, ZoneOffset.UTC, Duration.ofHours(24), o.alice))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("VIEW_REPORTS");
  }

  @Test
  default void anotherTenantsWorkShouldNotAppear() {
    Office o = newOffice();
    Office other = newOffice();
    LocalDate day = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
    o.mm.triage().take(conversation(o, mail(o, "mine")).ref(), o.alice);

    DailyReport report = other.mm.reports().daily(day, ZoneOffset.UTC, Duration.ofHours(24), other.admin);

    assertThat(report.user(o.alice.user())).isEmpty();
    assertThat(report.users()).allSatisfy(u -> assertThat(u.taken()).isZero());
  }
}
