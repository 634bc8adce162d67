package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.Correspondence;
import org.mastermail.conversation.TriageService;
import org.mastermail.event.EventType;
import org.mastermail.intake.IngestResult;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.outbound.TransportException;
import org.mastermail.testkit.RecordingTransport;

/**
 * The dispatcher: bytes fixed at enqueue, retries with backoff, permanent failures, resend, nodes dying before, during
 * and after DATA, and several dispatchers sharing one queue.
 */
public interface DispatchContract extends OutboundContract {
  /** Stands for a node that dies mid-send: dispatchers never catch an Error. */
  final class NodeDied extends Error {
    private static final long serialVersionUID = 1L;

    public NodeDied() {
      super("node died", null, false, false);
    }
  }

  private OutboundMessage queueOne(Office o, String subject) {
    return o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject(subject).text("body")
        .build(), o.alice);
  }

  private OutboundMessage reload(Office o, OutboundMessage m) {
    return o.mm.outbound().get(m.id(), o.alice);
  }

  @Test
  default void aTransientReplyShouldBeRetriedAfterBackoffWithTheSameBytes() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport().failNext(TransportException.reply(451, "4.3.0 try later",
        null));
    OutboundMessage queued = queueOne(o, "retry me");

    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
      OutboundMessage waiting = reload(o, queued);
      assertThat(waiting.state()).isEqualTo(OutboundState.QUEUED);
      assertThat(waiting.delivery().attempts()).isEqualTo(1);
      assertThat(waiting.delivery().lastError()).contains("451", "try later");
      assertThat(waiting.delivery().nextAttemptAt()).isAfter(clock().instant());
      assertThat(d.runOnce()).as("not due yet").isZero();

      clock().advance(Duration.ofMinutes(1));
      d.runOnce();
    }

    OutboundMessage sent = reload(o, queued);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(sent.delivery().attempts()).isEqualTo(2);
    assertThat(smtp.attempts()).isEqualTo(2);
    assertThat(smtp.sent()).singleElement().satisfies(w -> assertThat(w.header("Message-ID"))
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
    assertThat(smtp.sent().get(0).mime()).isEqualTo(OutboundContract.readAll(o.mm.outbound().mime(queued.id(), o.alice)));
    assertThat(o.mm.triage().get(queued.conversation(), o.alice).history()).extracting(e -> e.type())
        .contains(EventType.SEND_RETRIED, EventType.MESSAGE_SENT);
  }

  @Test
  default void aPermanentReplyShouldFailAtOnceVisiblyAndBeResendable() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport().failNext(TransportException.reply(550,
        "5.1.1 mailbox unavailable", null));
    OutboundMessage queued = queueOne(o, "bounce");

    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
      OutboundMessage failed = reload(o, queued);
      assertThat(failed.state()).isEqualTo(OutboundState.FAILED);
      assertThat(failed.delivery().attempts()).isEqualTo(1);
      assertThat(failed.delivery().lastError()).contains("550", "mailbox unavailable");
      assertThat(o.mm.outbound().list(o.info.id(), OutboxView.FAILED, null, 10, o.bob).items())
          .extracting(OutboundMessage::id).containsExactly(queued.id());
      assertThat(o.mm.triage().get(queued.conversation(), o.alice).history()).extracting(e -> e.type())
          .contains(EventType.SEND_FAILED);

      OutboundMessage again = o.mm.outbound().resend(queued.id(), o.bob);
      assertThat(again.state()).isEqualTo(OutboundState.QUEUED);
      assertThat(again.delivery().messageIdHeader()).isEqualTo(queued.delivery().messageIdHeader());
      d.runOnce();
    }

    assertThat(reload(o, queued).state()).isEqualTo(OutboundState.SENT);
    assertThat(smtp.sent()).singleElement().satisfies(w -> assertThat(w.header("Message-ID"))
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
  }

  @Test
  default void resendShouldNeedSendAs() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport().failNext(TransportException.reply(554, "rejected", null));
    OutboundMessage queued = queueOne(o, "x");
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    assertThatThrownBy(() -> o.mm.outbound().resend(queued.id(), o.carol))
        .isInstanceOf(org.mastermail.NotFoundException.class);
  }

  @Test
  default void transientFailuresShouldGiveUpAfterTheLastAttempt() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    for (int i = 0; i < 4; i++) {
      smtp.failNext(TransportException.unreachable("connection refused", null));
    }
    OutboundMessage queued = queueOne(o, "unreachable");

    try (Dispatcher d = dispatcherFor(o, smtp)) {
      for (int i = 0; i < 4; i++) {
        d.runOnce();
        clock().advance(Duration.ofHours(1));
      }
    }

    OutboundMessage failed = reload(o, queued);
    assertThat(failed.state()).isEqualTo(OutboundState.FAILED);
    assertThat(failed.delivery().attempts()).isEqualTo(4);
    assertThat(failed.delivery().lastError()).contains("gave up after 4 attempts", "connection refused");
    assertThat(smtp.sent()).isEmpty();
  }

  @Test
  default void backoffShouldGrowBetweenAttempts() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    for (int i = 0; i < 3; i++) {
      smtp.failNext(TransportException.reply(421, "busy", null));
    }
    OutboundMessage queued = queueOne(o, "busy");
    List<Duration> waits = new ArrayList<>();

    try (Dispatcher d = dispatcherFor(o, smtp)) {
      for (int i = 0; i < 3; i++) {
        Instant before = clock().instant();
        d.runOnce();
        Instant due = reload(o, queued).delivery().nextAttemptAt();
        waits.add(Duration.between(before, due));
        clock().set(due);
      }
      d.runOnce();
    }

    // 1, 2, 4 minutes, each shortened by at most the default jitter of 20 %
    assertThat(waits.get(0)).isBetween(Duration.ofSeconds(48), Duration.ofMinutes(1));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(96), Duration.ofMinutes(2));
    assertThat(waits.get(2)).isBetween(Duration.ofSeconds(192), Duration.ofMinutes(4));
    assertThat(reload(o, queued).state()).isEqualTo(OutboundState.SENT);
  }

  @Test
  default void aNodeDyingBeforeDataShouldLeaveTheMessageToBeTakenOverWithItsMessageId() {
    Office o = newOffice();
    OutboundMessage queued = queueOne(o, "claimed then dead");
    Instant now = clock().instant();
    // a node claims and dies before talking to the server
    List<OutboundMessage> claimed = masterMail().storage().inTransaction(s -> s.outbound().claim(now, "dead-node",
        now.plus(Duration.ofMinutes(5)), 1000));
    assertThat(claimed).extracting(OutboundMessage::id).contains(queued.id());
    RecordingTransport smtp = new RecordingTransport();

    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
      assertThat(smtp.sent()).as("the claim still holds").isEmpty();
      clock().advance(Duration.ofMinutes(5).plusSeconds(1));
      d.runOnce();
    }

    OutboundMessage sent = reload(o, queued);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(sent.delivery().messageIdHeader()).isEqualTo(queued.delivery().messageIdHeader());
    assertThat(smtp.sent()).singleElement().satisfies(w -> assertThat(w.header("Message-ID"))
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
  }

  @Test
  default void aNodeDyingDuringDataShouldLeaveTheMessageToBeSentAgainWithItsMessageId() {
    Office o = newOffice();
    OutboundMessage queued = queueOne(o, "died during data");
    RecordingTransport smtp = new RecordingTransport().dieNext(new NodeDied());

    try (Dispatcher dying = dispatcherFor(o, smtp)) {
      assertThatThrownBy(dying::runOnce).isInstanceOf(NodeDied.class);
    }
    assertThat(reload(o, queued).state()).isEqualTo(OutboundState.SENDING);
    try (Dispatcher other = dispatcherFor(o, smtp)) {
      other.runOnce();
      assertThat(smtp.sent()).isEmpty();
      clock().advance(Duration.ofMinutes(6));
      other.runOnce();
    }

    OutboundMessage sent = reload(o, queued);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(sent.delivery().attempts()).isEqualTo(2);
    assertThat(smtp.sent()).singleElement().satisfies(w -> assertThat(w.header("Message-ID"))
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
  }

  @Test
  default void aNodeDyingAfterDataShouldResendTheSameBytesAndRecordOneSentMessage() {
    Office o = newOffice();
    OutboundMessage queued = queueOne(o, "died after data");
    RecordingTransport smtp = new RecordingTransport().dieAfterNext(new NodeDied());

    try (Dispatcher dying = dispatcherFor(o, smtp)) {
      assertThatThrownBy(dying::runOnce).isInstanceOf(NodeDied.class);
    }
    clock().advance(Duration.ofMinutes(6));
    try (Dispatcher other = dispatcherFor(o, smtp)) {
      other.runOnce();
    }

    // the server got it twice, as the same message: its Message-ID and bytes did not change
    assertThat(smtp.sent()).hasSize(2);
    assertThat(smtp.sent().get(0).mime()).isEqualTo(smtp.sent().get(1).mime());
    OutboundMessage sent = reload(o, queued);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(o.mm.triage().get(queued.conversation(), o.alice).messages()).hasSize(1);
  }

  @Test
  default void aClaimOfSmallAndLargeMessagesShouldSendEachOnesStoredBytes() {
    Office o = newOffice();
    List<OutboundMessage> queued = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // the large ones' bodies are stored apart from their skeletons, the largest is more than a skeleton read at once
      String text = i % 3 == 0 ? ("line " + i + " of a long letter\n").repeat(i == 3 ? 9000 : 400) : "short " + i;
      queued.add(o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject("mixed " + i)
          .text(text).build(), o.alice));
    }
    RecordingTransport smtp = new RecordingTransport();

    try (Dispatcher d = masterMail().dispatcher(DispatcherSettings.builder().workers(1).batch(10).build(),
        mailbox -> mailbox.tenant().equals(o.setup.tenant().id()) ? Optional.of(smtp) : Optional.empty())) {
      assertThat(d.runOnce()).isEqualTo(queued.size());
    }

    assertThat(smtp.sent()).hasSize(queued.size());
    for (OutboundMessage m : queued) {
      byte[] stored = OutboundContract.readAll(o.mm.outbound().mime(m.id(), o.alice));
      assertThat(smtp.sent()).filteredOn(w -> w.header("Message-ID").equals("<" + m.delivery().messageIdHeader()
          + ">")).singleElement().satisfies(w -> assertThat(w.mime()).isEqualTo(stored));
      assertThat(reload(o, m).state()).isEqualTo(OutboundState.SENT);
    }
  }

  @Test
  default void aMailboxWithoutTransportShouldFailItsMailSayingSo() {
    Office o = newOffice();
    OutboundMessage queued = queueOne(o, "nowhere");

    try (Dispatcher d = masterMail().dispatcher(DispatcherSettings.DEFAULTS, mailbox -> Optional.empty())) {
      d.runOnce();
    }

    OutboundMessage failed = reload(o, queued);
    assertThat(failed.state()).isEqualTo(OutboundState.FAILED);
    assertThat(failed.delivery().lastError()).contains("no transport", o.info.address());
  }

  @Test
  default void twoDispatchersSharingTheQueueShouldSendEachMessageOnce() throws Exception {
    Office o = newOffice();
    int count = 60;
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(queueOne(o, "shared " + i).delivery().messageIdHeader());
    }
    RecordingTransport smtp = new RecordingTransport();
    DispatcherSettings one = DispatcherSettings.builder().workers(2).batch(3).holder("node-a").build();
    DispatcherSettings two = DispatcherSettings.builder().workers(2).batch(3).holder("node-b").build();

    try (Dispatcher a = masterMail().dispatcher(one, m -> m.tenant().equals(o.setup.tenant().id())
        ? Optional.of(smtp) : Optional.empty());
        Dispatcher b = masterMail().dispatcher(two, m -> m.tenant().equals(o.setup.tenant().id())
            ? Optional.of(smtp) : Optional.empty())) {
      a.start();
      b.start();
      assertThat(smtp.awaitSent(count, Duration.ofSeconds(60))).isTrue();
    }

    assertThat(smtp.sent()).hasSize(count);
    assertThat(smtp.sent()).extracting(w -> w.header("Message-ID").replaceAll("[<>]", ""))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.SENT, null, 200, o.alice).items()).hasSize(count);
  }

  @Test
  default void correspondenceShouldNameTheLatestOutsideSenderAndCountEveryMessageOfWhatTheActorSees() {
    Office o = newOffice();
    IngestResult asked = o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(
        Mails.from("Jan Kowalski <jan@client.example>", o.info.address(), "Przegląd").bytes()), null);
    ConversationId withReply = asked.conversation();
    RecordingTransport smtp = new RecordingTransport();
    OutboundMessage draft = o.mm.outbound().reply(asked.message(), ReplyMode.REPLY, o.alice);
    o.mm.outbound().queue(draft.id(), draft.version(), o.alice);
    OutboundMessage started = queueOne(o, "we write first");
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }
    ConversationId ours = reload(o, started).conversation();
    ConversationId empty = o.open(o.info, "opened by hand").id();
    ConversationId bobs = o.assignedTo(o.bob, "Bob's").id();
    Office other = newOffice();
    ConversationId elsewhere = other.open(other.info, "another tenant's").id();

    Map<ConversationId, Correspondence> seen = o.mm.triage().correspondence(
        List.of(withReply, ours, empty, bobs, elsewhere, ConversationId.random()), o.alice);

    // the reply sent last does not hide who asked; a conversation we started names our address
    assertThat(seen).containsOnlyKeys(withReply, ours, empty)
        .containsEntry(withReply, new Correspondence("jan@client.example", "Jan Kowalski", 2))
        .containsEntry(ours, new Correspondence(o.info.address(), o.info.name(), 1))
        .containsEntry(empty, Correspondence.NONE);
    assertThat(o.mm.triage().correspondence(List.of(bobs), o.bob)).containsOnlyKeys(bobs);
    assertThat(o.mm.triage().correspondence(List.of(), o.alice)).isEmpty();
    // the same as the messages one read of the conversation gives
    assertThat(Correspondence.of(o.mm.triage().get(withReply, o.alice).messages()))
        .isEqualTo(seen.get(withReply));
  }

  @Test
  default void correspondenceShouldRefuseMoreThanAPageOfConversations() {
    Office o = newOffice();
    List<ConversationId> tooMany = new ArrayList<>();
    for (int i = 0; i <= TriageService.MAX_PAGE_SIZE; i++) {
      tooMany.add(ConversationId.random());
    }

    assertThatThrownBy(() -> o.mm.triage().correspondence(tooMany, o.alice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most " + TriageService.MAX_PAGE_SIZE);
  }
}
