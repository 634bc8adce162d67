package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.SyncContext;

/**
 * A crash or a lost connection at each step of a sync, then a restart (a new source over the same storage): every
 * message ends up archived exactly once and acknowledged.
 */
class ExactlyOnceTest extends GreenMailTest {
  private static final String PROCESSED = "Processed";

  /** Where things go wrong, while the second of four messages is handled (two per acknowledgement batch). */
  enum Fault {
    CRASH_BEFORE_DELIVER("attempt 1 of 3"),
    CRASH_AFTER_COMMIT_BEFORE_ACKNOWLEDGEMENT("attempt 1 of 3"),
    CONNECTION_LOST_DURING_SERVER_ACKNOWLEDGEMENT("the connection failed"),
    CRASH_AFTER_SERVER_ACKNOWLEDGEMENT_BEFORE_IT_IS_RECORDED("before recording the acknowledgement"),
    CONNECTION_LOST_MID_FETCH("the connection failed"),
    STREAM_BREAKS_WHILE_THE_INTAKE_READS("attempt 1 of 3");

    /** How the failing sync reports it. */
    final String reported;

    Fault(String reported) {
      this.reported = reported;
    }
  }

  private FaultyProxy proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new FaultyProxy(imapPort);
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  static Stream<Arguments> faultsAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (Fault f : Fault.values()) {
      all.add(Arguments.of(f, Acknowledge.markSeen()));
      all.add(Arguments.of(f, Acknowledge.moveTo(PROCESSED)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}, acknowledging by {1}")
  @MethodSource("faultsAndModes")
  void everyMessageShouldBeArchivedAndAcknowledgedExactlyOnceAfterARestart(Fault fault, Acknowledge acknowledge) {
    List<Long> uids = List.of(server.append("INBOX", Fixture.mail("One")),
        server.append("INBOX", Fixture.mail("Two, long enough to break mid-fetch", 300_000)),
        server.append("INBOX", Fixture.mail("Three")), server.append("INBOX", Fixture.mail("Four")));
    List<String> held = text(server.raws("INBOX"));
    ImapSettings settings = Fixture.imap(proxy.port()).acknowledge(acknowledge).batchSize(2).fetchSize(16 * 1024)
        .build();
    FaultyContext faulty = faulty(fault, fx.context(), uids.get(1));

    try (ImapSource crashing = fx.imapSource(settings)) {
      assertThatThrownBy(() -> crashing.sync(faulty)).hasMessageContaining(fault.reported);
    }
    assertThat(faulty.struck()).isTrue();
    proxy.thaw();
    try (ImapSource restarted = fx.imapSource(settings)) {
      restarted.sync(fx.context());
    }

    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(held);
    if (acknowledge.mode() == Acknowledge.Mode.MARK_SEEN) {
      assertThat(uids).allSatisfy(uid -> assertThat(server.seen("INBOX", uid)).as("UID %d seen", uid).isTrue());
    } else {
      assertThat(server.uids("INBOX")).isEmpty();
      assertThat(text(server.raws(PROCESSED))).containsExactlyInAnyOrderElementsOf(held);
    }
    FolderState state = fx.mm.intake().folder(fx.office.setup.tenant().id(), fx.source, "INBOX");
    assertThat(state.lastUid()).isEqualTo(uids.get(3));
    assertThat(state.acknowledgedUid()).isEqualTo(uids.get(3));
  }

  private FaultyContext faulty(Fault fault, SyncContext ctx, long uid) {
    return switch (fault) {
      case CRASH_BEFORE_DELIVER -> new FaultyContext(ctx, FaultyContext.Step.BEFORE_DELIVER, uid);
      case CRASH_AFTER_COMMIT_BEFORE_ACKNOWLEDGEMENT -> new FaultyContext(ctx, FaultyContext.Step.AFTER_COMMIT, uid);
      // the batch of the first two is acknowledged right after the second's commit: the connection is gone by then
      case CONNECTION_LOST_DURING_SERVER_ACKNOWLEDGEMENT ->
          new FaultyContext(ctx, FaultyContext.Step.RUN_AFTER_COMMIT, uid, proxy::cutAll);
      case CRASH_AFTER_SERVER_ACKNOWLEDGEMENT_BEFORE_IT_IS_RECORDED ->
          new FaultyContext(ctx, FaultyContext.Step.BEFORE_ACKNOWLEDGED_RECORDED, uid);
      case CONNECTION_LOST_MID_FETCH ->
          new FaultyContext(ctx, FaultyContext.Step.RUN_BEFORE_DELIVER, uid, () -> proxy.cutAfterServerBytes(100_000));
      case STREAM_BREAKS_WHILE_THE_INTAKE_READS -> new FaultyContext(ctx, FaultyContext.Step.STREAM_BREAKS, uid);
    };
  }
}
