package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.imap.SmtpMessages.ANNA;
import static org.mastermail.imap.SmtpMessages.failure;
import static org.mastermail.imap.SmtpMessages.message;
import static org.mastermail.imap.SmtpMessages.settings;
import static org.mastermail.imap.SmtpMessages.source;
import static org.mastermail.imap.SmtpMessages.to;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastermail.imap.ScriptedSmtpServer.Step;

class SentFolderCopyTest {
  private TestMailServer greenMail;
  private ServerClient imap;
  private int smtpPort;
  private int imapPort;

  @BeforeEach
  void start() {
    greenMail = new TestMailServer(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_IMAP);
    greenMail.start();
    smtpPort = greenMail.port(ServerSetup.PROTOCOL_SMTP);
    imapPort = greenMail.imapPort();
    imap = new ServerClient(imapPort, Fixture.USER, Fixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  @Test
  void aSentMessageShouldBeFiledWithTheSameBytesAsSeen() {
    byte[] sent = message("Filed", "Grüße,\r\n.dot line\r\n");

    try (SentFolderCopy transport = SentFolderCopy.of(SmtpTransport.of(settings(smtpPort).build()),
        Fixture.imap(imapPort).build(), "Sent")) {
      transport.send(to(ANNA), source(sent));
    }

    List<Long> uids = imap.uids("Sent");
    assertThat(uids).hasSize(1);
    assertThat(imap.raw("Sent", uids.get(0))).isEqualTo(sent);
    assertThat(imap.seen("Sent", uids.get(0))).isTrue();
    assertThat(greenMail.inbox(ANNA)).hasSize(1);
  }

  @Test
  void aFailedCopyShouldNotFailTheSend() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    try (SentFolderCopy transport = SentFolderCopy.of(SmtpTransport.of(settings(smtpPort).build()),
        Fixture.imap(closedPort).build(), "Sent")) {
      transport.send(to(ANNA), source(message("Sent anyway")));
    }

    assertThat(greenMail.inbox(ANNA)).hasSize(1);
  }

  @Test
  void aMessageThatWasNotSentShouldNotBeFiled() {
    try (ScriptedSmtpServer refusing = ScriptedSmtpServer.start();
        SentFolderCopy transport = SentFolderCopy.of(SmtpTransport.of(settings(refusing.port()).build()),
            Fixture.imap(imapPort).build(), "Sent")) {
      refusing.on(Step.RCPT, "550 5.1.1 no such user");

      failure(() -> transport.send(to(ANNA), source(message("Refused"))));
    }

    assertThat(imap.uids("Sent")).isEmpty();
  }
}
