package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.imap.SmtpMessages.ANNA;
import static org.mastermail.imap.SmtpMessages.failure;
import static org.mastermail.imap.SmtpMessages.message;
import static org.mastermail.imap.SmtpMessages.settings;
import static org.mastermail.imap.SmtpMessages.source;
import static org.mastermail.imap.SmtpMessages.to;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.outbound.TransportException;
import org.mastermail.secret.SecretKeys;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.contract.Office;

/** SMTP against GreenMail: what arrives, logging in, SMTPS, and many threads at once. */
class SmtpTransportTest {
  private TestMailServer greenMail;

  private TestMailServer start(String protocol) {
    greenMail = new TestMailServer(protocol);
    greenMail.start();
    return greenMail;
  }

  @AfterEach
  void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void sendShouldDeliverTheExactBytesWithEightBitTextAndLinesStartingWithADot() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);
    byte[] sent = message("Grüße", "Grüße aus Köln – naïve café\r\n.a line starting with a dot\r\n.\r\n"
        + "..two dots\r\nlast line\r\n");

    try (SmtpTransport smtp = SmtpTransport.of(settings(port).build())) {
      smtp.send(to(ANNA), source(sent));
    }

    byte[] received = bytes(greenMail.getReceivedMessages()[0]);
    // GreenMail puts its trace headers on top, and counts the CRLF that ends the last line to the terminating
    // <CRLF>.<CRLF> (RFC 5321 counts it to the message; ScriptedSmtpServer keeps it, and SmtpEnvelopeTest checks
    // that every byte arrives there)
    byte[] expected = Arrays.copyOf(sent, sent.length - 2);
    byte[] tail = Arrays.copyOfRange(received, received.length - expected.length, received.length);
    assertThat(new String(received, 0, received.length - expected.length, StandardCharsets.ISO_8859_1))
        .matches("Return-Path: <info@acme\\.example>\r\n"
            + "Received: from 127\\.0\\.0\\.1 \\(HELO client\\.test\\); [^\r\n]+\r\n");
    assertThat(new String(tail, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(tail).isEqualTo(expected);
  }

  @Test
  void bccRecipientsShouldReceiveTheMessageThroughTheEnvelopeOnly() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);
    byte[] sent = message("Offer");

    try (SmtpTransport smtp = SmtpTransport.of(settings(port).build())) {
      smtp.send(to(ANNA, "bob@partner.example"), source(sent));
    }

    List<MimeMessage> bobs = greenMail.inbox("bob@partner.example");
    assertThat(bobs).hasSize(1);
    assertThat(new String(bytes(bobs.get(0)), StandardCharsets.UTF_8)).doesNotContain("bob@")
        .contains("To: anna@client.example");
    assertThat(greenMail.inbox(ANNA)).hasSize(1);
  }

  @Test
  void sendShouldLogInWithThePassword() {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);

    try (SmtpTransport smtp = SmtpTransport.of(settings(port)
        .credentials(Fixture.USER, Credentials.password(Fixture.PASSWORD)).build())) {
      smtp.send(to(ANNA), source(message("Logged in")));
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void sendShouldLogInWithAPasswordStoredEncrypted() {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);
    byte[] key = new byte[32];
    new Random(3).nextBytes(key);
    try (MasterMail mm = MasterMail.builder()
        .storage(new InMemoryStorage())
        .secrets(SecretKeys.current("k1", key)).build()) {
      Office office = Office.create(mm);
      mm.secrets().put("smtp:info", Fixture.PASSWORD, office.admin);
      Credentials stored = Credentials.password(mm.secrets().reader(office.setup.tenant().id(), "smtp:info"));

      try (SmtpTransport smtp = SmtpTransport.of(settings(port).credentials(Fixture.USER, stored).build())) {
        smtp.send(to(ANNA), source(message("Stored password")));
      }

      assertThat(stored.toString()).doesNotContain(Fixture.PASSWORD);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void sendShouldLogInWithAnOAuth2TokenAskedForAtEachConnect() {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);
    AtomicInteger asked = new AtomicInteger();

    try (SmtpTransport smtp = SmtpTransport.of(settings(port).credentials(Fixture.USER, Credentials.oauth2(() -> {
      asked.incrementAndGet();
      return Fixture.PASSWORD; // GreenMail takes the user's password for the token
    })).build())) {
      smtp.send(to(ANNA), source(message("Token one")));
      smtp.send(to(ANNA), source(message("Token two")));
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(asked).hasValue(1); // both went over one connection
  }

  @Test
  void sendShouldReportAWrongPasswordAsPermanentWithTheServersReply() {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);

    TransportException e;
    try (SmtpTransport smtp = SmtpTransport.of(settings(port)
        .credentials(Fixture.USER, Credentials.password("wrong-password")).build())) {
      e = failure(() -> smtp.send(to(ANNA), source(message("Refused"))));
    }

    assertThat(e.permanent()).isTrue();
    assertThat(e.code()).isEqualTo(535);
    assertThat(e.getMessage()).contains("535").contains("Authentication credentials invalid")
        .doesNotContain("wrong-password");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void smtpsShouldSendWhenTheServersCertificateIsTrusted() {
    int port = start(ServerSetup.PROTOCOL_SMTPS).port(ServerSetup.PROTOCOL_SMTPS);

    try (SmtpTransport smtp = SmtpTransport.of(settings(port).ssl().trust(Trust.anyCertificate()).build())) {
      smtp.send(to(ANNA), source(message("Over TLS")));
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void smtpsShouldRefuseASelfSignedCertificateByDefaultAsTransient() {
    int port = start(ServerSetup.PROTOCOL_SMTPS).port(ServerSetup.PROTOCOL_SMTPS);

    TransportException e;
    try (SmtpTransport smtp = SmtpTransport.of(settings(port).ssl().build())) {
      e = failure(() -> smtp.send(to(ANNA), source(message("Untrusted"))));
    }

    assertThat(e.permanent()).isFalse();
    assertThat(e.code()).isZero();
    assertThat(e.getMessage()).contains("127.0.0.1");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void trustedCertificatesShouldStillHaveToNameTheHost() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTPS).port(ServerSetup.PROTOCOL_SMTPS);
    Trust greenMailsOwn = Trust.certificates(greenMailKeyStore());

    TransportException e;
    try (SmtpTransport smtp = SmtpTransport.of(settings(port).ssl().trust(greenMailsOwn).build())) {
      e = failure(() -> smtp.send(to(ANNA), source(message("Wrong name"))));
    }

    // the certificate is trusted, but it is issued to "GreenMail selfsigned Test Certificate", not to 127.0.0.1
    assertThat(e.permanent()).isFalse();
    assertThat(e.getMessage()).containsAnyOf("No subject alternative names", "identity");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void concurrentSendsFromFourThreadsShouldEachArriveExactlyOnce() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTP).port(ServerSetup.PROTOCOL_SMTP);
    int threads = 4;
    int perThread = 10;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> subjects = new ArrayList<>();

    try (SmtpTransport smtp = SmtpTransport.of(settings(port).build())) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          mine.add("Thread " + t + " message " + i);
        }
        subjects.addAll(mine);
        done.add(pool.submit(() -> {
          go.await();
          mine.forEach(s -> smtp.send(to(ANNA), source(message(s))));
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> received = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      received.add(m.getSubject());
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(subjects);
  }

  private static byte[] bytes(MimeMessage m) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  private static KeyStore greenMailKeyStore() throws IOException, GeneralSecurityException {
    // its certificate as a trusted entry, as an admin would import a server's self-signed certificate
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    KeyStore own = new DummySSLServerSocketFactory().getKeyStore();
    trusted.setCertificateEntry("greenmail", own.getCertificate(own.aliases().nextElement()));
    return trusted;
  }
}
