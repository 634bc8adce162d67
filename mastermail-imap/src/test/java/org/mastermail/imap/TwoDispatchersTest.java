package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.testkit.TestPostgres;

/** Two nodes, each with its own dispatcher, share one outbound queue in PostgreSQL and send every message once. */
class TwoDispatchersTest {
  @Test
  void twoNodesShouldSendEveryQueuedMessageExactlyOnce() throws Exception {
    int count = 150;
    DataSource database = TestPostgres.freshDatabase();
    TestMailServer greenMail = new TestMailServer(ServerSetup.PROTOCOL_SMTP);
    greenMail.start();
    Fixture a = new Fixture(JdbcStorage.postgres(database));
    try (MasterMail nodeB = MasterMail.builder().storage(JdbcStorage.postgres(database)).clock(a.clock).build();
        SmtpTransport smtpA = SmtpTransport.of(SmtpMessages.settings(greenMail.port(ServerSetup.PROTOCOL_SMTP))
            .build());
        SmtpTransport smtpB = SmtpTransport.of(SmtpMessages.settings(greenMail.port(ServerSetup.PROTOCOL_SMTP))
            .build())) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add("<" + a.mm.outbound().send(Compose.from(a.office.info.id()).to("jan@client.example")
            .subject("Notice " + i).text("Body " + i).build(), a.office.alice).delivery().messageIdHeader() + ">");
      }
      try (Dispatcher da = a.mm.dispatcher(DispatcherSettings.builder().workers(2).batch(5).holder("node-a").build(),
          m -> Optional.of(smtpA));
          Dispatcher db = nodeB.dispatcher(DispatcherSettings.builder().workers(2).batch(5).holder("node-b").build(),
              m -> Optional.of(smtpB))) {
        da.start();
        db.start();
        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(90).toMillis(), count)).isTrue();
      }

      MimeMessage[] received = greenMail.getReceivedMessages();
      List<String> receivedIds = new ArrayList<>();
      for (MimeMessage m : received) {
        receivedIds.add(m.getMessageID());
      }
      assertThat(receivedIds).hasSize(count).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(a.mm.outbound().list(a.office.info.id(), OutboxView.SENT, null, 200, a.office.alice).items())
          .hasSize(count).allSatisfy(m -> assertThat(m.state()).isEqualTo(OutboundState.SENT));
    } finally {
      a.mm.close();
      greenMail.stop();
    }
  }
}
