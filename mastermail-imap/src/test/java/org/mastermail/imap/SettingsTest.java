package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.intake.SourceId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

class SettingsTest {
  private static final String SECRET = "correct-horse-battery-staple";

  @Test
  void passwordShouldNeverAppearInToStringOfSettingsOrSources() {
    ImapSettings imap = ImapSettings.builder("imap.acme.example", "info@acme.example", Credentials.password(SECRET))
        .build();
    Pop3Settings pop3 = Pop3Settings.builder("pop.acme.example", "info@acme.example", Credentials.password(SECRET))
        .build();
    TenantId tenant = new TenantId(UUID.randomUUID());
    MailboxId mailbox = new MailboxId(UUID.randomUUID());

    try (ImapSource imapSource = new ImapSource(SourceId.of("imap:info"), tenant, mailbox, imap);
        Pop3Source pop3Source = new Pop3Source(SourceId.of("pop3:info"), tenant, mailbox, pop3)) {
      assertThat(imap.toString()).doesNotContain(SECRET).contains("imap.acme.example").contains("****");
      assertThat(pop3.toString()).doesNotContain(SECRET);
      assertThat(imapSource.toString()).doesNotContain(SECRET).contains("imap:info");
      assertThat(pop3Source.toString()).doesNotContain(SECRET);
      assertThat(Credentials.oauth2(() -> SECRET).toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void defaultsShouldBeSslOnTheUsualPortsWithLargeFetchesAndIdleBelowTwentyNineMinutes() {
    ImapSettings imap = ImapSettings.builder("imap.acme.example", "u", Credentials.password("p")).build();
    Pop3Settings pop3 = Pop3Settings.builder("pop.acme.example", "u", Credentials.password("p")).build();

    assertThat(imap.port()).isEqualTo(993);
    assertThat(imap.security()).isEqualTo(Security.SSL);
    assertThat(imap.folder()).isEqualTo("INBOX");
    assertThat(imap.acknowledge()).isEqualTo(Acknowledge.leave());
    assertThat(imap.fetchSize()).isEqualTo(1024 * 1024);
    assertThat(imap.idleInterval()).isEqualTo(Duration.ofMinutes(20));
    assertThat(imap.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(pop3.port()).isEqualTo(995);
    assertThat(pop3.deleteAfterArchive()).isFalse();
    assertThat(ImapSettings.builder("h", "u", Credentials.password("p")).security(Security.STARTTLS).build().port())
        .isEqualTo(143);
  }

  @Test
  void settingsShouldRefuseWhatCannotWork() {
    ImapSettings.Builder b = ImapSettings.builder("imap.acme.example", "u", Credentials.password("p"));

    assertThatThrownBy(() -> b.idleInterval(Duration.ofMinutes(30)).build()).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ImapSettings.builder("imap.acme.example", "u", Credentials.password("p"))
        .acknowledge(Acknowledge.moveTo("INBOX")).build()).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ImapSettings.builder("imap.acme.example", "u", Credentials.password("p"))
        .readTimeout(Duration.ZERO).build()).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ImapSettings.builder("bad host", "u", Credentials.password("p")).build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Acknowledge.moveTo(" ")).isInstanceOf(InvalidInputException.class);
  }
}
