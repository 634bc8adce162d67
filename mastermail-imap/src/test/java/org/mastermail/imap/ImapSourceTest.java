package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Flags;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMailException;
import org.mastermail.intake.IngestResult.Outcome;

class ImapSourceTest extends GreenMailTest {
  @Test
  void syncShouldArchiveEveryMessageOfTheFolderOnceInUidOrderWithTheBytesTheServerHolds() {
    List<Long> uids = List.of(server.append("INBOX", Fixture.mail("First")), server.append("INBOX",
        Fixture.mail("Second")), server.append("INBOX", Fixture.mail("Third")));
    IntakeContext ctx = fx.context();

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(ctx);
    }

    assertThat(ctx.deliveredUids()).containsExactlyElementsOf(uids);
    assertThat(ctx.results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.ARCHIVED));
    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(text(server.raws("INBOX")));
    assertThat(fx.mm.intake().folder(fx.office.setup.tenant().id(), fx.source, "INBOX").lastUid())
        .isEqualTo(uids.get(2));
  }

  @Test
  void secondSyncShouldFetchNothingWhenNothingIsNew() {
    server.append("INBOX", Fixture.mail("Only one"));
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
      IntakeContext second = fx.context();

      source.sync(second);

      // UID FETCH last+1:* answers with the last message itself; it must not be delivered again
      assertThat(second.items).isEmpty();
    }
    assertThat(fx.archived()).hasSize(1);
  }

  @Test
  void mailArrivingAfterASyncShouldBeArchivedByTheNextOne() {
    server.append("INBOX", Fixture.mail("Early"));
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
      long late = server.append("INBOX", Fixture.mail("Late"));
      IntakeContext next = fx.context();

      source.sync(next);

      assertThat(next.deliveredUids()).containsExactly(late);
    }
    assertThat(fx.archivedText()).hasSize(2).anySatisfy(t -> assertThat(t).contains("Subject: Late"));
  }

  @Test
  void restartedSourceShouldContinueFromTheFolderPosition() {
    server.append("INBOX", Fixture.mail("Before restart"));
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
    }
    long after = server.append("INBOX", Fixture.mail("After restart"));
    IntakeContext ctx = fx.context();

    try (ImapSource restarted = fx.imapSource(Fixture.imap(imapPort).build())) {
      restarted.sync(ctx);
    }

    assertThat(ctx.deliveredUids()).containsExactly(after);
    assertThat(fx.archived()).hasSize(2);
  }

  @Test
  void emptyFolderShouldYieldNothingAndNotFail() {
    server.uids("INBOX");
    IntakeContext ctx = fx.context();

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(ctx);
      source.sync(ctx);
    }

    assertThat(ctx.items).isEmpty();
    assertThat(fx.archived()).isEmpty();
  }

  @Test
  void leaveShouldNotTouchTheSeenFlag() {
    long unread = server.append("INBOX", Fixture.mail("Unread"));
    long read = server.append("INBOX", Fixture.mail("Read"));
    server.setFlag("INBOX", read, Flags.Flag.SEEN);

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).acknowledge(Acknowledge.leave()).build())) {
      source.sync(fx.context());
    }

    assertThat(fx.archived()).hasSize(2);
    assertThat(server.seen("INBOX", unread)).isFalse();
    assertThat(server.seen("INBOX", read)).isTrue();
    assertThat(fx.mm.intake().folder(fx.office.setup.tenant().id(), fx.source, "INBOX").acknowledgedUid())
        .isEqualTo(read);
  }

  @Test
  void markSeenShouldSetSeenOnEveryArchivedMessage() {
    List<Long> uids = List.of(server.append("INBOX", Fixture.mail("One")), server.append("INBOX", Fixture.mail("Two")),
        server.append("INBOX", Fixture.mail("Three")));

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).batchSize(2)
        .build())) {
      source.sync(fx.context());
    }

    assertThat(uids).allSatisfy(uid -> assertThat(server.seen("INBOX", uid)).isTrue());
    assertThat(fx.mm.intake().folder(fx.office.setup.tenant().id(), fx.source, "INBOX").acknowledgedUid())
        .isEqualTo(uids.get(2));
  }

  @Test
  void moveToShouldMoveArchivedMessagesToTheProcessedFolder() {
    server.append("INBOX", Fixture.mail("Move me"));
    server.append("INBOX", Fixture.mail("Me too"));
    List<String> before = text(server.raws("INBOX"));

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).acknowledge(Acknowledge.moveTo("Archived"))
        .build())) {
      source.sync(fx.context());
    }

    assertThat(server.uids("INBOX")).isEmpty();
    assertThat(text(server.raws("Archived"))).containsExactlyInAnyOrderElementsOf(before);
    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void onlyTheChosenFolderShouldBeImported() {
    server.append("INBOX", Fixture.mail("Stays in the inbox"));
    long handedOff = server.append("Hand-off", Fixture.mail("Handed off"));
    IntakeContext ctx = fx.context();

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).folder("Hand-off").build())) {
      source.sync(ctx);
    }

    assertThat(ctx.deliveredUids()).containsExactly(handedOff);
    assertThat(fx.archivedText()).singleElement().satisfies(t -> assertThat(t).contains("Subject: Handed off"));
    assertThat(ctx.items).allSatisfy(i -> assertThat(i.folder()).isEqualTo("Hand-off"));
  }

  @Test
  void largeMessageShouldBeStreamedInFetchSizedBlocksByteForByte() {
    byte[] big = Fixture.mail("Big", 3 * 1024 * 1024);
    server.append("INBOX", big);

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).fetchSize(64 * 1024).build())) {
      source.sync(fx.context());
    }

    assertThat(text(fx.archived())).containsExactlyElementsOf(text(server.raws("INBOX")));
  }

  @Test
  void lostLeaseShouldStopTheSyncAfterTheCurrentMessage() {
    List<Long> uids = List.of(server.append("INBOX", Fixture.mail("A")), server.append("INBOX", Fixture.mail("B")),
        server.append("INBOX", Fixture.mail("C")));
    AtomicInteger checks = new AtomicInteger();
    IntakeContext losing = fx.context(() -> checks.incrementAndGet() <= 2);

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).build())) {
      source.sync(losing);

      assertThat(losing.deliveredUids()).containsExactly(uids.get(0), uids.get(1));
      assertThat(server.seen("INBOX", uids.get(1))).isTrue();
      IntakeContext next = fx.context();
      source.sync(next);
      assertThat(next.deliveredUids()).containsExactly(uids.get(2));
    }
  }

  @Test
  void messageThatKeepsFailingShouldGiveWayToAPlaceholderAtItsThirdFailure() {
    long first = server.append("INBOX", Fixture.mail("Fine"));
    long poison = server.append("INBOX", Fixture.mail("Poison"));
    long last = server.append("INBOX", Fixture.mail("Fine too"));
    AtomicInteger poisonAttempts = new AtomicInteger();
    IntakeContext intake = fx.context();
    org.mastermail.intake.SyncContext failing = new DelegatingContext(intake) {
      @Override
      public org.mastermail.intake.IngestResult deliver(java.io.InputStream raw,
          org.mastermail.intake.SourceItem item) {
        if (item.uid() == poison && poisonAttempts.incrementAndGet() <= ImapSource.MAX_ATTEMPTS) {
          throw new MasterMailException("the store refuses this message");
        }
        return super.deliver(raw, item);
      }
    };

    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).build())) {
      assertThatThrownBy(() -> source.sync(failing)).hasMessageContaining("attempt 1 of 3");
      assertThat(intake.deliveredUids()).containsExactly(first);
      assertThatThrownBy(() -> source.sync(failing)).hasMessageContaining("attempt 2 of 3");
      assertThat(intake.deliveredUids()).containsExactly(first);

      source.sync(failing);
    }

    assertThat(intake.deliveredUids()).containsExactly(first, poison, last);
    assertThat(fx.archivedText()).hasSize(3)
        .anySatisfy(t -> assertThat(t).contains("could not be archived").contains("UID " + poison));
    assertThat(server.seen("INBOX", first)).isTrue();
    assertThat(server.seen("INBOX", poison)).as("the original waits on the server for people to see").isFalse();
    assertThat(server.seen("INBOX", last)).isTrue();
  }

  @Test
  void xoauth2CredentialsShouldLogInWithAFreshTokenFromTheHost() {
    server.append("INBOX", Fixture.mail("Token"));
    AtomicInteger tokens = new AtomicInteger();
    ImapSettings oauth = ImapSettings.builder("127.0.0.1", Fixture.USER, Credentials.oauth2(() -> {
      tokens.incrementAndGet();
      return Fixture.PASSWORD; // GreenMail accepts the account's password as its token
    })).port(imapPort).security(Security.NONE).build();

    try (ImapSource source = fx.imapSource(oauth)) {
      source.sync(fx.context());
    }

    assertThat(tokens).hasValue(1);
    assertThat(fx.archived()).hasSize(1);
  }

  @Test
  void missingFolderShouldFailTheSyncWithItsName() {
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).folder("Nowhere").build())) {
      assertThatThrownBy(() -> source.sync(fx.context())).isInstanceOf(MasterMailException.class)
          .hasMessageContaining("Nowhere");
    }
  }
}
