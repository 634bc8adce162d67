package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.PermissionDeniedException;
import org.mastermail.intake.IngestResult;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.testkit.contract.Mails;

/** Outbound mail through the real SMTP transport: GreenMail receiving, and a scripted server for the faults. */
class OutboundSmtpTest {
  @TempDir
  Path dir;
  private Fixture fx;
  private TestMailServer greenMail;
  private ScriptedSmtpServer scripted;

  @BeforeEach
  void start() {
    fx = new Fixture(JdbcStorage.h2(dir.resolve("db")));
  }

  @AfterEach
  void stop() {
    fx.mm.close();
    if (greenMail != null) {
      greenMail.stop();
    }
    if (scripted != null) {
      scripted.close();
    }
  }

  private int greenMailPort() {
    greenMail = new TestMailServer(ServerSetup.PROTOCOL_SMTP);
    greenMail.start();
    return greenMail.port(ServerSetup.PROTOCOL_SMTP);
  }

  private Dispatcher dispatcher(MailTransport transport) {
    return fx.mm.dispatcher(DispatcherSettings.builder().workers(1).lease(Duration.ofMinutes(10)).maxAttempts(5)
        .retries(Duration.ofMinutes(1), Duration.ofHours(1)).build(), mailbox -> Optional.of(transport));
  }

  private void dispatchOnce(MailTransport transport) {
    try (Dispatcher d = dispatcher(transport)) {
      d.runOnce();
    }
  }

  private IngestResult receive(String from, String subject, String messageId) {
    return fx.mm.intake().ingest(fx.office.setup.tenant().id(), fx.office.info.id(), new ByteArrayInputStream(
        Mails.from(from, fx.office.info.address(), subject).messageId(messageId).body("Nie działa winda.\n")
            .bytes()), null);
  }

  private OutboundMessage sendFromInfo(String subject) {
    return fx.mm.outbound().send(Compose.from(fx.office.info.id()).to("jan@client.example").subject(subject)
        .text("Dzień dobry").build(), fx.office.alice);
  }

  private static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }

  @Test
  void aReplyShouldArriveWithThreadingHeadersFromAndReplyTo() throws Exception {
    int port = greenMailPort();
    fx.mm.outbound().configure(new SendingAccount(fx.office.info.id(), "Biuro Acme", "biuro@" + fx.office.domain,
        null, null), fx.office.admin);
    IngestResult in = receive("Jan Kowalski <jan@client.example>", "Winda", "lift-1@client.example");
    OutboundMessage draft = fx.mm.outbound().reply(in.message(), ReplyMode.REPLY, fx.office.alice);
    fx.mm.outbound().queue(draft.id(), draft.version(), fx.office.alice);

    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(port).build())) {
      dispatchOnce(smtp);
    }

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<lift-1@client.example>");
    assertThat(m.getHeader("References", null)).isEqualTo("<lift-1@client.example>");
    assertThat(m.getSubject()).isEqualTo("Re: Winda");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo(fx.office.info.address());
    assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Biuro Acme");
    assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("biuro@" + fx.office.domain);
    assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("jan@client.example");
    OutboundMessage sent = fx.mm.outbound().get(draft.id(), fx.office.alice);
    assertThat(m.getMessageID()).isEqualTo("<" + sent.delivery().messageIdHeader() + ">");
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
  }

  @Test
  void sendAsShouldFollowSharedPersonalAndDelegatedMailboxes() throws Exception {
    int port = greenMailPort();
    fx.mm.admin().mailboxes().delegate(fx.office.alicePersonal.id(), fx.office.bob.user(), null, fx.office.alice);

    fx.mm.outbound().send(Compose.from(fx.office.info.id()).to("jan@client.example").subject("shared by bob")
        .text("x").build(), fx.office.bob);
    fx.mm.outbound().send(Compose.from(fx.office.alicePersonal.id()).to("jan@client.example")
        .subject("personal by alice").text("x").build(), fx.office.alice);
    assertThatThrownBy(() -> fx.mm.outbound().send(Compose.from(fx.office.alicePersonal.id())
        .to("jan@client.example").subject("personal by her delegate").text("x").build(), fx.office.bob))
        .isInstanceOf(PermissionDeniedException.class);
    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(port).build())) {
      dispatchOnce(smtp);
    }

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).extracting(m -> m.getSubject() + " from " + ((InternetAddress) m.getFrom()[0]).getAddress())
        .containsExactlyInAnyOrder("shared by bob from " + fx.office.info.address(),
            "personal by alice from " + fx.office.alicePersonal.address());
  }

  @Test
  void aTemporaryRefusalShouldBeRetriedAndTheSameBytesAcceptedOnce() throws Exception {
    scripted = ScriptedSmtpServer.start().on(ScriptedSmtpServer.Step.END_OF_DATA, "451 4.3.0 try again later");
    OutboundMessage queued = sendFromInfo("retry");

    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(scripted.port()).build());
        Dispatcher d = dispatcher(smtp)) {
      d.runOnce();
      OutboundMessage waiting = fx.mm.outbound().get(queued.id(), fx.office.alice);
      assertThat(waiting.state()).isEqualTo(OutboundState.QUEUED);
      assertThat(waiting.delivery().lastError()).contains("451", "try again later");
      fx.clock.advance(Duration.ofMinutes(1));
      d.runOnce();
    }

    OutboundMessage sent = fx.mm.outbound().get(queued.id(), fx.office.alice);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(sent.delivery().attempts()).isEqualTo(2);
    List<byte[]> messages = scripted.messages();
    assertThat(messages).hasSize(2); // refused after DATA, then accepted: the same bytes both times
    assertThat(messages.get(0)).isEqualTo(messages.get(1));
    assertThat(parse(messages.get(1)).getMessageID()).isEqualTo("<" + queued.delivery().messageIdHeader() + ">");
  }

  @Test
  void aPermanentRefusalShouldFailVisiblyAndBeResendable() throws Exception {
    scripted = ScriptedSmtpServer.start().on(ScriptedSmtpServer.Step.RCPT, "550 5.1.1 no such user here");
    OutboundMessage queued = sendFromInfo("bounce");

    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(scripted.port()).build());
        Dispatcher d = dispatcher(smtp)) {
      d.runOnce();
      OutboundMessage failed = fx.mm.outbound().get(queued.id(), fx.office.alice);
      assertThat(failed.state()).isEqualTo(OutboundState.FAILED);
      assertThat(failed.delivery().lastError()).contains("550", "no such user here");
      assertThat(fx.mm.outbound().list(fx.office.info.id(), OutboxView.FAILED, null, 10, fx.office.bob).items())
          .extracting(OutboundMessage::id).containsExactly(queued.id());
      assertThat(scripted.messages()).isEmpty();

      fx.mm.outbound().resend(queued.id(), fx.office.bob);
      d.runOnce();
    }

    assertThat(fx.mm.outbound().get(queued.id(), fx.office.alice).state()).isEqualTo(OutboundState.SENT);
    assertThat(scripted.messages()).singleElement().satisfies(raw -> assertThat(parse(raw).getMessageID())
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
  }

  @Test
  void aConnectionLostDuringDataShouldBeRetriedWithTheSameMessageId() throws Exception {
    scripted = ScriptedSmtpServer.start().on(ScriptedSmtpServer.Step.DATA, ScriptedSmtpServer.DROP_IN_DATA);
    OutboundMessage queued = sendFromInfo("dropped");

    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(scripted.port()).build());
        Dispatcher d = dispatcher(smtp)) {
      d.runOnce();
      assertThat(fx.mm.outbound().get(queued.id(), fx.office.alice).state()).isEqualTo(OutboundState.QUEUED);
      fx.clock.advance(Duration.ofMinutes(1));
      d.runOnce();
    }

    assertThat(fx.mm.outbound().get(queued.id(), fx.office.alice).state()).isEqualTo(OutboundState.SENT);
    assertThat(scripted.messages()).singleElement().satisfies(raw -> assertThat(parse(raw).getMessageID())
        .isEqualTo("<" + queued.delivery().messageIdHeader() + ">"));
  }

  /** Stands for the sending node dying right after the server accepted the message. */
  static final class NodeDied extends Error {
    private static final long serialVersionUID = 1L;

    NodeDied() {
      super("node died", null, false, false);
    }
  }

  @Test
  void aNodeKilledAfterDataShouldLeaveTheMessageToAnotherNodeWhichSendsTheSameBytes() throws Exception {
    scripted = ScriptedSmtpServer.start();
    OutboundMessage queued = sendFromInfo("after data");

    try (SmtpTransport smtp = SmtpTransport.of(SmtpMessages.settings(scripted.port()).build())) {
      MailTransport dying = (envelope, mime) -> {
        smtp.send(envelope, mime);
        throw new NodeDied();
      };
      try (Dispatcher d = dispatcher(dying)) {
        assertThatThrownBy(d::runOnce).isInstanceOf(NodeDied.class);
      }
      assertThat(fx.mm.outbound().get(queued.id(), fx.office.alice).state()).isEqualTo(OutboundState.SENDING);
      fx.clock.advance(Duration.ofMinutes(11));
      dispatchOnce(smtp);
    }

    assertThat(fx.mm.outbound().get(queued.id(), fx.office.alice).state()).isEqualTo(OutboundState.SENT);
    List<byte[]> messages = scripted.messages();
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).isEqualTo(messages.get(1));
    assertThat(new String(messages.get(0), StandardCharsets.ISO_8859_1))
        .contains("Message-ID: <" + queued.delivery().messageIdHeader() + ">");
    assertThat(fx.mm.triage().get(queued.conversation(), fx.office.alice).messages()).hasSize(1);
  }
}
