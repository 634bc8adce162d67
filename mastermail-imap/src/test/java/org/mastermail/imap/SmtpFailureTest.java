package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.imap.SmtpMessages.ANNA;
import static org.mastermail.imap.SmtpMessages.failure;
import static org.mastermail.imap.SmtpMessages.large;
import static org.mastermail.imap.SmtpMessages.message;
import static org.mastermail.imap.SmtpMessages.settings;
import static org.mastermail.imap.SmtpMessages.source;
import static org.mastermail.imap.SmtpMessages.to;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.imap.ScriptedSmtpServer.Step;
import org.mastermail.outbound.TransportException;

/** How refusals and broken connections are reported: 5xx permanent, 4xx and the network transient. */
class SmtpFailureTest {
  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
  private final SmtpTransport smtp = SmtpTransport.of(settings(server.port()).build());

  @AfterEach
  void close() {
    smtp.close();
    server.close();
  }

  @Test
  void sendShouldReportA4xxReplyToTheMessageAsTransientWithItsCodeAndText() {
    server.on(Step.END_OF_DATA, "451 4.3.0 Mailbox temporarily unavailable");

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Later"))));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isEqualTo(451);
    assertThat(e.getMessage()).contains("451 4.3.0 Mailbox temporarily unavailable");
  }

  @Test
  void aMessageRefusedWithA4xxShouldGoThroughWhenTriedAgain() {
    server.on(Step.END_OF_DATA, "451 4.3.0 Try again later");
    failure(() -> smtp.send(to(ANNA), source(message("Retried"))));

    smtp.send(to(ANNA), source(message("Retried")));

    assertThat(server.messages()).hasSize(2); // the first one was refused after DATA
  }

  @Test
  void sendShouldReportA5xxReplyAsPermanent() {
    server.on(Step.RCPT, "550 5.1.1 <anna@client.example>: Recipient address rejected: User unknown");

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Unknown"))));

    assertThat(e.permanent()).isTrue();
    assertThat(e.code()).isEqualTo(550);
    assertThat(e.getMessage()).isEqualTo("anna@client.example: 550 5.1.1 <anna@client.example>: Recipient address"
        + " rejected: User unknown");
    assertThat(server.commands("DATA")).isEmpty();
  }

  @Test
  void oneRefusedRecipientShouldFailTheWholeMessageByTheWorstReply() {
    server.on(Step.RCPT, "250 2.1.5 ok", "550 5.1.1 no such user", "450 4.2.1 mailbox busy");

    TransportException e = failure(() -> smtp.send(to(ANNA, "nobody@client.example", "busy@client.example"),
        source(message("Partly refused"))));

    assertThat(e.permanent()).isTrue();
    assertThat(e.code()).isEqualTo(550);
    assertThat(e.getMessage()).contains("nobody@client.example: 550 5.1.1 no such user")
        .contains("busy@client.example: 450 4.2.1 mailbox busy");
    assertThat(server.commands("DATA")).isEmpty();
    assertThat(server.messages()).isEmpty();
  }

  @Test
  void recipientsRefusedOnlyForNowShouldBeTransient() {
    server.on(Step.RCPT, "450 4.2.1 mailbox busy");

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Busy"))));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isEqualTo(450);
  }

  @Test
  void aRefusedSenderShouldBePermanent() {
    server.on(Step.MAIL, "553 5.7.1 Sender address rejected: not owned by user");

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Not yours"))));

    assertThat(e.permanent()).isTrue();
    assertThat(e.code()).isEqualTo(553);
    assertThat(e.getMessage()).contains("not owned by user");
  }

  @Test
  void a421GreetingShouldBeTransientWithTheServersText() {
    server.on(Step.GREETING, "421 4.3.2 Too many connections, try again later");

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Busy server"))));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isEqualTo(421);
    assertThat(e.getMessage()).contains("Too many connections");
  }

  @Test
  void aConnectionDroppedInTheMiddleOfDataShouldBeTransient() {
    server.on(Step.DATA, ScriptedSmtpServer.DROP_IN_DATA);

    TransportException e = failure(() -> smtp.send(to(ANNA), source(large("Cut off", 2_000_000))));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).contains("127.0.0.1");
    assertThat(server.messages()).isEmpty();
  }

  @Test
  void aConnectionClosedInsteadOfTheFinalReplyShouldBeTransient() {
    server.on(Step.END_OF_DATA, ScriptedSmtpServer.DROP);

    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("No answer"))));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).contains("closed the connection");
  }

  @Test
  void aServerThatNeverAnswersShouldFailTransientWithinTheReadTimeout() {
    server.on(Step.GREETING, ScriptedSmtpServer.HANG);
    Duration readTimeout = Duration.ofMillis(300);
    long start = System.nanoTime();

    TransportException e;
    try (SmtpTransport impatient = SmtpTransport.of(settings(server.port()).readTimeout(readTimeout).build())) {
      e = failure(() -> impatient.send(to(ANNA), source(message("Silence"))));
    }

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).containsIgnoringCase("timed out");
    assertThat(took).isGreaterThanOrEqualTo(readTimeout).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aServerThatStopsAnsweringAfterTheMessageShouldFailTransientWithinTheReadTimeout() {
    server.on(Step.END_OF_DATA, ScriptedSmtpServer.HANG);

    TransportException e;
    try (SmtpTransport impatient = SmtpTransport.of(settings(server.port()).readTimeout(Duration.ofMillis(300))
        .build())) {
      e = failure(() -> impatient.send(to(ANNA), source(message("Silence after data"))));
    }

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
  }

  @Test
  void aRefusedConnectionShouldBeTransient() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    TransportException e;
    try (SmtpTransport nowhere = SmtpTransport.of(settings(closedPort).build())) {
      e = failure(() -> nowhere.send(to(ANNA), source(message("Nowhere"))));
    }

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).containsIgnoringCase("refused");
  }

  @Test
  void requiredStarttlsShouldFailTransientAndSendNothingInPlainText() {
    TransportException e;
    try (SmtpTransport tls = SmtpTransport.of(settings(server.port()).starttls().build())) {
      e = failure(() -> tls.send(to(ANNA), source(message("Secret"))));
    }

    assertThat(e.permanent()).isFalse();
    assertThat(e.getMessage()).contains("STARTTLS");
    assertThat(server.commands("MAIL")).isEmpty();
  }

  @Test
  void anUnreadableMessageShouldFailTransientAndNeverBeDeliveredInPart() {
    byte[] start = message("Half", "first half\r\n");
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("blob store unavailable");
      }
    };

    TransportException e = failure(() -> smtp.send(to(ANNA),
        () -> new SequenceInputStream(new ByteArrayInputStream(start), failing)));

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).contains("cannot read the message's bytes").contains("blob store unavailable");
    assertThat(server.messages()).isEmpty();
  }
}
