package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdleTest extends GreenMailTest {
  private final ExecutorService waiter = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "idle-test-waiter");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<Thread> waitingThread = new AtomicReference<>();
  private FaultyProxy proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = new FaultyProxy(imapPort);
  }

  @AfterEach
  void stop() {
    waiter.shutdownNow();
    proxy.close();
  }

  @Test
  void awaitNewsShouldReturnSoonAfterAMessageArrivesAndTheNextSyncArchivesIt() throws Exception {
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
      long start = System.nanoTime();
      Future<Long> waited = awaitNewsInTheBackground(source, Duration.ofSeconds(60));
      awaitIdling();

      long uid = server.append("INBOX", Fixture.mail("Arrived during IDLE"));

      assertThat(Duration.ofNanos(waited.get(10, TimeUnit.SECONDS) - start)).isLessThan(Duration.ofSeconds(10));
      IntakeContext ctx = fx.context();
      source.sync(ctx);
      assertThat(ctx.deliveredUids()).containsExactly(uid);
    }
  }

  @Test
  void awaitNewsShouldReturnAtOnceWhenMailArrivedSinceTheLastSync() throws Exception {
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
      server.append("INBOX", Fixture.mail("Arrived between sync and wait"));
      long start = System.nanoTime();

      source.awaitNews(Duration.ofSeconds(60));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void idleLongerThanTheReadTimeoutShouldBeRenewedAndEndAfterMaxWait() throws Exception {
    // a read timeout of 1 s: each IDLE is ended and issued again every 0.5 s, so the socket never times out
    ImapSettings settings = Fixture.imap(imapPort).readTimeout(Duration.ofSeconds(1)).build();
    try (ImapSource source = fx.imapSource(settings)) {
      source.sync(fx.context());
      long start = System.nanoTime();

      source.awaitNews(Duration.ofMillis(2500));

      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(2500)).isLessThan(Duration.ofSeconds(6));
      long uid = server.append("INBOX", Fixture.mail("After a long wait"));
      IntakeContext ctx = fx.context();
      source.sync(ctx);
      assertThat(ctx.deliveredUids()).containsExactly(uid);
    }
  }

  @Test
  void deadConnectionDuringIdleShouldEndTheWaitWithinTheReadTimeoutAndTheNextSyncReconnects() throws Exception {
    ImapSettings settings = Fixture.imap(proxy.port()).readTimeout(Duration.ofSeconds(1)).build();
    try (ImapSource source = fx.imapSource(settings)) {
      source.sync(fx.context());
      long start = System.nanoTime();
      Future<Long> waited = awaitNewsInTheBackground(source, Duration.ofSeconds(60));
      awaitIdling();

      proxy.freeze();

      assertThat(Duration.ofNanos(waited.get(20, TimeUnit.SECONDS) - start)).isLessThan(Duration.ofSeconds(20));
      proxy.thaw();
      long uid = server.append("INBOX", Fixture.mail("After the dead connection"));
      IntakeContext ctx = fx.context();
      source.sync(ctx);
      assertThat(ctx.deliveredUids()).containsExactly(uid);
    }
  }

  @Test
  void interruptingTheWaitingThreadShouldEndAwaitNewsPromptly() throws Exception {
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).build())) {
      source.sync(fx.context());
      Future<Long> waited = awaitNewsInTheBackground(source, Duration.ofSeconds(60));
      awaitIdling();

      waitingThread.get().interrupt();

      assertThatThrownBy(() -> waited.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
      long uid = server.append("INBOX", Fixture.mail("After the interrupt"));
      IntakeContext ctx = fx.context();
      source.sync(ctx);
      assertThat(ctx.deliveredUids()).containsExactly(uid);
    }
  }

  @Test
  void closingTheSourceShouldEndAnAwaitNewsInProgress() throws Exception {
    ImapSource source = fx.imapSource(Fixture.imap(imapPort).build());
    source.sync(fx.context());
    long start = System.nanoTime();
    Future<Long> waited = awaitNewsInTheBackground(source, Duration.ofSeconds(60));
    awaitIdling();

    source.close();

    assertThat(Duration.ofNanos(waited.get(10, TimeUnit.SECONDS) - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void withoutIdleAwaitNewsShouldPoll() throws Exception {
    try (ImapSource source = fx.imapSource(Fixture.imap(imapPort).idle(false).build())) {
      long start = System.nanoTime();

      source.awaitNews(Duration.ofMillis(300));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  private Future<Long> awaitNewsInTheBackground(ImapSource source, Duration maxWait) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    waiter.execute(() -> {
      waitingThread.set(Thread.currentThread());
      try {
        source.awaitNews(maxWait);
        done.complete(System.nanoTime());
      } catch (InterruptedException | RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  /** Waits until the waiting thread is inside IMAPFolder.idle, so that what follows happens during the IDLE. */
  private void awaitIdling() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Thread t = waitingThread.get();
      if (t != null && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("IMAPFolder")
          && f.getMethodName().equals("idle"))) {
        return;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    throw new AssertionError("the source never started an IDLE");
  }
}
