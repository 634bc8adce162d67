package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.intake.Intake;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.testkit.TestPostgres;

/** Two nodes, two MasterMail instances over one PostgreSQL database, fetching the same account. */
class TwoNodesTest extends GreenMailTest {
  private static final Duration TTL = Duration.ofMinutes(1);

  private DataSource database;
  private MasterMail nodeB;

  @Override
  Fixture newFixture() {
    database = TestPostgres.freshDatabase();
    Fixture a = new Fixture(JdbcStorage.postgres(database));
    nodeB = MasterMail.builder().storage(JdbcStorage.postgres(database)).clock(a.clock).build();
    return a;
  }

  @AfterEach
  void closeNodeB() {
    nodeB.close();
  }

  private IntakeContext contextOf(MasterMail node, String holder) {
    Intake intake = node.intake();
    return new IntakeContext(node, fx.office.setup.tenant().id(), fx.source, fx.office.info.id(),
        () -> intake.lease(fx.office.setup.tenant().id(), fx.source, holder, TTL));
  }

  private boolean lease(MasterMail node, String holder) {
    return node.intake().lease(fx.office.setup.tenant().id(), fx.source, holder, TTL);
  }

  private void release(MasterMail node, String holder) {
    node.intake().release(fx.office.setup.tenant().id(), fx.source, holder);
  }

  @Test
  void theOtherNodeShouldTakeOverWhenTheHolderReleasesOrItsLeaseExpires() {
    MasterMail nodeA = fx.mm;
    ImapSettings settings = Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).build();
    server.append("INBOX", Fixture.mail("For node A"));
    server.append("INBOX", Fixture.mail("Also for node A"));
    try (ImapSource a = fx.imapSource(settings); ImapSource b = fx.imapSource(settings)) {
      assertThat(lease(nodeA, "node-a")).isTrue();
      assertThat(lease(nodeB, "node-b")).as("A holds it").isFalse();
      a.sync(contextOf(nodeA, "node-a"));
      release(nodeA, "node-a");

      server.append("INBOX", Fixture.mail("For node B"));
      assertThat(lease(nodeB, "node-b")).isTrue();
      IntakeContext atB = contextOf(nodeB, "node-b");
      b.sync(atB);
      assertThat(atB.items).as("B continues where A stopped").hasSize(1);

      // B dies holding the lease: A waits until it expires
      server.append("INBOX", Fixture.mail("After B died"));
      assertThat(lease(nodeA, "node-a")).isFalse();
      fx.clock.advance(TTL.plusSeconds(1));
      assertThat(lease(nodeA, "node-a")).isTrue();
      IntakeContext atA = contextOf(nodeA, "node-a");
      a.sync(atA);
      assertThat(atA.items).hasSize(1);
    }
    assertThat(text(fx.archived())).containsExactlyInAnyOrderElementsOf(text(server.raws("INBOX")));
    assertThat(server.uids("INBOX")).allSatisfy(uid -> assertThat(server.seen("INBOX", uid)).isTrue());
  }

  @Test
  void nodesSyncingConcurrentlyUnderTheLeaseShouldArchiveEachMessageOnceAndNeverHoldItTogether() throws Exception {
    int total = 20;
    ImapSettings settings = Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).batchSize(3).build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    IntakeContext atA = contextOf(fx.mm, "node-a");
    IntakeContext atB = contextOf(nodeB, "node-b");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (ImapSource a = fx.imapSource(settings); ImapSource b = fx.imapSource(settings)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      List<Future<?>> running = new ArrayList<>();
      running.add(pool.submit(() -> {
        for (int i = 0; i < total; i++) {
          server.append("INBOX", Fixture.mail("Concurrent " + i));
        }
      }));
      for (Object[] node : new Object[][] {{fx.mm, "node-a", a, atA}, {nodeB, "node-b", b, atB}}) {
        MasterMail mm = (MasterMail) node[0];
        String holder = (String) node[1];
        ImapSource source = (ImapSource) node[2];
        IntakeContext ctx = (IntakeContext) node[3];
        running.add(pool.submit(() -> {
          while (atA.archivedCount() + atB.archivedCount() < total && System.nanoTime() < deadline) {
            if (lease(mm, holder)) {
              mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              try {
                source.sync(ctx);
              } finally {
                inside.decrementAndGet();
                release(mm, holder);
              }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // give the other node its turn
          }
        }));
      }
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mostInside).hasValue(1);
    assertThat(atA.archivedCount() + atB.archivedCount()).isEqualTo(total);
    assertThat(text(fx.archived())).hasSize(total).containsExactlyInAnyOrderElementsOf(text(server.raws("INBOX")));
  }

  @Test
  void evenWithoutTheLeaseTwoNodesSyncingAtOnceShouldNotArchiveAMessageTwice() throws Exception {
    int total = 12;
    ImapSettings settings = Fixture.imap(imapPort).acknowledge(Acknowledge.markSeen()).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ImapSource a = fx.imapSource(settings); ImapSource b = fx.imapSource(settings)) {
      // the folder's first state is written once: core's begin does not yet retry a concurrent first write
      a.sync(fx.context());
      for (int i = 0; i < total; i++) {
        server.append("INBOX", Fixture.mail("Raced " + i));
      }
      Future<?> fa = pool.submit(() -> a.sync(fx.context()));
      Future<?> fb = pool.submit(() -> b.sync(new IntakeContext(nodeB, fx.office.setup.tenant().id(), fx.source,
          fx.office.info.id())));
      fa.get(60, TimeUnit.SECONDS);
      fb.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(text(fx.archived())).hasSize(total).containsExactlyInAnyOrderElementsOf(text(server.raws("INBOX")));
  }
}
