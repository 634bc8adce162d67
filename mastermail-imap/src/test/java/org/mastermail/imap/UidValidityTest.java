package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult.Outcome;

class UidValidityTest extends GreenMailTest {
  private static final String FOLDER = "Hand-off";

  @Test
  void changedUidValidityShouldHaltTheFolderAndResumingShouldNotArchiveAnythingTwice() {
    byte[] a = Fixture.mail("Alpha");
    byte[] b = Fixture.mail("Beta");
    server.append(FOLDER, a);
    server.append(FOLDER, b);
    ImapSettings settings = Fixture.imap(imapPort).folder(FOLDER).build();
    try (ImapSource source = fx.imapSource(settings)) {
      source.sync(fx.context());
    }
    long before = server.uidValidity(FOLDER);
    recreateWithNewUidValidity(before);
    server.append(FOLDER, a);
    server.append(FOLDER, b);
    server.append(FOLDER, Fixture.mail("Gamma"));

    try (ImapSource source = fx.imapSource(settings)) {
      IntakeContext halted = fx.context();
      source.sync(halted);
      source.sync(halted);

      assertThat(halted.items).as("nothing fetched while halted").isEmpty();
      FolderState state = state();
      assertThat(state.halted()).isTrue();
      assertThat(state.haltedReason()).contains("UIDVALIDITY").contains(Long.toString(before));
      assertThat(fx.archived()).hasSize(2);

      fx.mm.intake().resume(fx.office.setup.tenant().id(), fx.source, FOLDER, fx.office.admin);
      IntakeContext resumed = fx.context();
      source.sync(resumed);

      assertThat(resumed.results).extracting(r -> r.outcome())
          .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.ARCHIVED);
    }
    assertThat(fx.archivedText()).hasSize(3).anySatisfy(t -> assertThat(t).contains("Subject: Gamma"));
    assertThat(state().halted()).isFalse();
  }

  @Test
  void uidValidityThatChangesWhileTheSourceKeepsItsConnectionShouldHaltTheFolderToo() {
    server.append(FOLDER, Fixture.mail("Alpha"));
    ImapSettings settings = Fixture.imap(imapPort).folder(FOLDER).build();
    try (ImapSource source = fx.imapSource(settings)) {
      source.sync(fx.context());
      recreateWithNewUidValidity(server.uidValidity(FOLDER));
      server.append(FOLDER, Fixture.mail("Beta"));
      IntakeContext ctx = fx.context();

      source.sync(ctx);

      assertThat(ctx.items).isEmpty();
      assertThat(state().halted()).isTrue();
    }
  }

  private FolderState state() {
    return fx.mm.intake().folder(fx.office.setup.tenant().id(), fx.source, FOLDER);
  }

  /** GreenMail takes a new folder's UIDVALIDITY from the clock's second; the old one must be at least a second old. */
  private void recreateWithNewUidValidity(long old) {
    server.delete(FOLDER);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (Instant.now().getEpochSecond() <= old && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    assertThat(server.uidValidity(FOLDER)).isNotEqualTo(old);
  }
}
