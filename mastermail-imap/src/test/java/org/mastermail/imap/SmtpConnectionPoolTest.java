package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.imap.SmtpMessages.ANNA;
import static org.mastermail.imap.SmtpMessages.failure;
import static org.mastermail.imap.SmtpMessages.message;
import static org.mastermail.imap.SmtpMessages.settings;
import static org.mastermail.imap.SmtpMessages.source;
import static org.mastermail.imap.SmtpMessages.to;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.imap.ScriptedSmtpServer.Step;
import org.mastermail.outbound.TransportException;
import org.mastermail.testkit.MutableClock;

/** Connections kept open between messages: reused while sound, replaced when not, all closed at the end. */
class SmtpConnectionPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ScriptedSmtpServer server = ScriptedSmtpServer.start();
  private final MutableClock clock = MutableClock.atDefaultStart();
  private SmtpTransport smtp = transport(settings(server.port()).build());

  private SmtpTransport transport(SmtpSettings settings) {
    return new SmtpTransport(settings, clock);
  }

  @AfterEach
  void close() {
    smtp.close();
    server.close();
  }

  @Test
  void manySendsShouldShareOneConnection() {
    for (int i = 0; i < 20; i++) {
      smtp.send(to(ANNA), source(message("Message " + i)));
    }

    assertThat(server.messages()).hasSize(20);
    assertThat(server.connections()).isEqualTo(1);
    assertThat(server.commands("EHLO")).hasSize(1);
    assertThat(server.commands("NOOP")).isEmpty(); // used a moment ago: no check needed
  }

  @Test
  void aConnectionIdleForMoreThanASecondShouldBeCheckedWithANoop() {
    smtp.send(to(ANNA), source(message("First")));
    clock.advance(Duration.ofSeconds(2));

    smtp.send(to(ANNA), source(message("Second")));

    assertThat(server.commands("NOOP")).hasSize(1);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void concurrentSendsShouldOpenNoMoreConnectionsThanThreadsAndDeliverEachMessageOnce() throws Exception {
    int threads = 4;
    int perThread = 10;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> subjects = new ArrayList<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          mine.add("Thread-" + t + "-message-" + i);
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

    List<String> received = server.messages().stream().map(SmtpConnectionPoolTest::subject).toList();
    assertThat(received).containsExactlyInAnyOrderElementsOf(subjects);
    assertThat(server.connections()).isBetween(1, threads);
  }

  @Test
  void aConnectionIdleTooLongShouldBeClosedAndAFreshOneOpened() throws InterruptedException {
    smtp.send(to(ANNA), source(message("Before the pause")));
    clock.advance(SmtpSettings.DEFAULT_MAX_IDLE_TIME.plusSeconds(1));

    smtp.send(to(ANNA), source(message("After the pause")));

    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.commands("NOOP")).isEmpty();
    server.await(s -> s.endedConnections() == 1, WAIT);
  }

  @Test
  void aConnectionTheServerDroppedShouldBeReplaced() throws InterruptedException {
    smtp.send(to(ANNA), source(message("First")));
    server.dropAll();
    server.await(s -> s.endedConnections() == 1, WAIT);

    smtp.send(to(ANNA), source(message("Second")));

    assertThat(server.messages()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aConnectionThatFailsTheNoopShouldBeReplaced() {
    server.on(Step.NOOP, "421 4.3.2 Shutting down");
    smtp.send(to(ANNA), source(message("First")));
    clock.advance(Duration.ofSeconds(2));

    smtp.send(to(ANNA), source(message("Second")));

    assertThat(server.messages()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aConnectionShouldBeReusedAfterARefusedMessageOnceTheServerAcceptedRset() {
    server.on(Step.END_OF_DATA, "451 4.3.0 Try again later");
    failure(() -> smtp.send(to(ANNA), source(message("Refused"))));
    clock.advance(Duration.ofSeconds(2));

    smtp.send(to(ANNA), source(message("Accepted")));

    assertThat(server.commands()).containsSubsequence("RSET", "NOOP", "MAIL FROM:<info@acme.example>");
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void aConnectionShouldBeReplacedAfterARefusedMessageWhenRsetFails() {
    server.on(Step.END_OF_DATA, "451 4.3.0 Try again later").on(Step.RSET, "421 4.3.2 Closing");
    failure(() -> smtp.send(to(ANNA), source(message("Refused"))));

    smtp.send(to(ANNA), source(message("Accepted")));

    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void aConnectionShouldBeReplacedAfterItBroke() {
    server.on(Step.END_OF_DATA, ScriptedSmtpServer.DROP);
    failure(() -> smtp.send(to(ANNA), source(message("Broken"))));

    smtp.send(to(ANNA), source(message("Fresh")));

    assertThat(server.connections()).isEqualTo(2);
    assertThat(server.commands("RSET")).isEmpty();
  }

  @Test
  void aConnectionShouldBeClosedAfterItsMaximumOfMessages() {
    smtp = transport(settings(server.port()).maxMessagesPerConnection(3).build());

    for (int i = 0; i < 7; i++) {
      smtp.send(to(ANNA), source(message("Message " + i)));
    }

    assertThat(server.connections()).isEqualTo(3);
  }

  @Test
  void noIdleConnectionsShouldMeanAConnectionPerMessage() {
    smtp = transport(settings(server.port()).maxIdleConnections(0).build());

    for (int i = 0; i < 3; i++) {
      smtp.send(to(ANNA), source(message("Message " + i)));
    }

    assertThat(server.connections()).isEqualTo(3);
    assertThat(server.commands("NOOP")).isEmpty();
  }

  @Test
  void closeShouldQuitIdleConnectionsAndLaterSendsShouldFailTransient() throws InterruptedException {
    smtp.send(to(ANNA), source(message("Last one")));

    smtp.close();

    server.await(s -> s.commands("QUIT").size() == 1 && s.endedConnections() == 1, WAIT);
    TransportException e = failure(() -> smtp.send(to(ANNA), source(message("Too late"))));
    assertThat(e.permanent()).isFalse();
    assertThat(e.getMessage()).contains("closed");
    assertThat(server.connections()).isEqualTo(1);
  }

  private static String subject(byte[] message) {
    String text = new String(message, StandardCharsets.UTF_8);
    int start = text.indexOf("Subject: ") + "Subject: ".length();
    return text.substring(start, text.indexOf("\r\n", start));
  }
}
