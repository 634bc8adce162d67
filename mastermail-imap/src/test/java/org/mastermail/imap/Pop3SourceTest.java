package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMailException;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;

class Pop3SourceTest extends GreenMailTest {
  private final SourceId pop3 = SourceId.of("pop3:info");

  private Pop3Settings.Builder settings(int port) {
    return Pop3Settings.builder("127.0.0.1", Fixture.USER, Credentials.password(Fixture.PASSWORD)).port(port)
        .security(Security.NONE).connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10));
  }

  private Pop3Source source(Pop3Settings settings) {
    return new Pop3Source(pop3, fx.office.setup.tenant().id(), fx.office.info.id(), settings);
  }

  private IntakeContext context() {
    return new IntakeContext(fx.mm, fx.office.setup.tenant().id(), pop3, fx.office.info.id());
  }

  @Test
  void syncShouldArchiveEveryMessageWithTheBytesTheServerHolds() {
    server.append("INBOX", Fixture.mail("First by POP3"));
    server.append("INBOX", Fixture.mail("Second by POP3", 200_000));
    List<String> held = text(server.raws("INBOX"));
    IntakeContext ctx = context();

    try (Pop3Source source = source(settings(pop3Port).build())) {
      source.sync(ctx);
    }

    assertThat(ctx.items).extracting(SourceItem::key).allSatisfy(k -> assertThat(k).startsWith("uidl:"))
        .doesNotHaveDuplicates();
    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(held);
  }

  @Test
  void secondSyncShouldSkipKnownMessagesWithoutDownloadingThem() {
    server.append("INBOX", Fixture.mail("Known"));
    try (Pop3Source source = source(settings(pop3Port).build())) {
      source.sync(context());
      server.append("INBOX", Fixture.mail("New"));
      IntakeContext second = context();

      source.sync(second);

      assertThat(second.items).hasSize(1);
      assertThat(second.results).extracting(IngestResult::outcome).containsExactly(IngestResult.Outcome.ARCHIVED);
    }
    assertThat(fx.archived()).hasSize(2);
  }

  @Test
  void messagesShouldStayOnTheServerByDefault() {
    server.append("INBOX", Fixture.mail("Stays"));
    server.append("INBOX", Fixture.mail("Stays too"));

    try (Pop3Source source = source(settings(pop3Port).build())) {
      source.sync(context());
    }

    assertThat(fx.archived()).hasSize(2);
    assertThat(server.uids("INBOX")).hasSize(2);
  }

  @Test
  void deleteAfterArchiveShouldDeleteArchivedMessagesOnlyAfterTheirCommit() {
    server.append("INBOX", Fixture.mail("Goes"));
    server.append("INBOX", Fixture.mail("Goes too"));
    List<String> held = text(server.raws("INBOX"));

    try (Pop3Source source = source(settings(pop3Port).deleteAfterArchive(true).build())) {
      source.sync(context());
    }

    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(held);
    assertThat(server.uids("INBOX")).isEmpty();
  }

  @Test
  void failingMessageShouldNotKeepTheOthersFromBeingArchivedNorBeDeleted() {
    server.append("INBOX", Fixture.mail("Fine"));
    server.append("INBOX", Fixture.mail("Fails once"));
    server.append("INBOX", Fixture.mail("Fine too"));
    AtomicInteger calls = new AtomicInteger();
    IntakeContext ctx = context();
    SyncContext failingSecond = new DelegatingContext(ctx) {
      @Override
      public IngestResult deliver(InputStream raw, SourceItem item) {
        if (calls.incrementAndGet() == 2) {
          throw new MasterMailException("the store refuses this message once");
        }
        return super.deliver(raw, item);
      }
    };

    try (Pop3Source source = source(settings(pop3Port).deleteAfterArchive(true).build())) {
      assertThatThrownBy(() -> source.sync(failingSecond)).hasMessageContaining("1 messages could not be archived");
      assertThat(fx.archived()).hasSize(2);
      assertThat(server.uids("INBOX")).as("only the archived ones are deleted").hasSize(1);

      source.sync(context());
    }
    assertThat(fx.archived()).hasSize(3);
    assertThat(server.uids("INBOX")).isEmpty();
  }

  @Test
  void sessionBrokenBeforeQuitShouldKeepTheMessagesUntilTheNextSessionDeletesThem() throws IOException {
    server.append("INBOX", Fixture.mail("Archived, then the line drops"));
    server.append("INBOX", Fixture.mail("Same here"));
    try (FaultyProxy proxy = new FaultyProxy(pop3Port);
        Pop3Source source = source(settings(proxy.port()).deleteAfterArchive(true).build())) {
      AtomicInteger delivered = new AtomicInteger();
      SyncContext cutAfterLast = new DelegatingContext(context()) {
        @Override
        public IngestResult deliver(InputStream raw, SourceItem item) {
          IngestResult r = super.deliver(raw, item);
          if (delivered.incrementAndGet() == 2) {
            proxy.cutAll(); // committed; the DELE and QUIT that follow never arrive
          }
          return r;
        }
      };

      assertThatThrownBy(() -> source.sync(cutAfterLast)).isInstanceOf(MasterMailException.class);
      assertThat(server.uids("INBOX")).hasSize(2);

      IntakeContext next = context();
      source.sync(next);

      assertThat(next.items).as("nothing downloaded again").isEmpty();
      assertThat(server.uids("INBOX")).isEmpty();
    }
    assertThat(fx.archived()).hasSize(2);
  }
}
