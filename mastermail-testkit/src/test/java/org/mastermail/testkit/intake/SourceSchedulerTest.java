package org.mastermail.testkit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.MailSource;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SourceScheduler;
import org.mastermail.intake.SyncContext;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.TestPostgres;
import org.mastermail.testkit.contract.Mails;

/** Two nodes over one PostgreSQL running the same source: one lease holder at a time, no duplicates, takeover. */
class SourceSchedulerTest {
  /** A folder on a pretend server: UID i + 1 is the i-th message. */
  private static final class Server {
    final List<byte[]> messages = new CopyOnWriteArrayList<>();
  }

  /** A source over {@link Server}, remembering which node delivered what. */
  private static final class FakeSource implements MailSource {
    final SourceId id = SourceId.of("fake:info");
    final TenantId tenant;
    final MailboxId mailbox;
    final Server server;
    final String node;
    final Map<String, AtomicInteger> deliveredBy;

    FakeSource(TenantId tenant, MailboxId mailbox, Server server, String node, Map<String, AtomicInteger> by) {
      this.tenant = tenant;
      this.mailbox = mailbox;
      this.server = server;
      this.node = node;
      this.deliveredBy = by;
    }

    @Override
    public SourceId id() {
      return id;
    }

    @Override
    public TenantId tenant() {
      return tenant;
    }

    @Override
    public MailboxId mailbox() {
      return mailbox;
    }

    @Override
    public void sync(SyncContext context) {
      FolderState state = context.begin("INBOX", 1);
      for (long uid = state.lastUid() + 1; uid <= server.messages.size() && context.holdsLease(); uid++) {
        IngestResult r = context.deliver(new ByteArrayInputStream(server.messages.get((int) uid - 1)),
            SourceItem.imap(id, "INBOX", 1, uid));
        if (r.outcome() == IngestResult.Outcome.ARCHIVED) {
          deliveredBy.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
        }
      }
    }

    @Override
    public void awaitNews(Duration maxWait) throws InterruptedException {
      Thread.sleep(Math.min(maxWait.toMillis(), 20));
    }
  }

  @Test
  void twoNodesShouldArchiveEveryMessageOnceAndTheSecondShouldTakeOverWhenTheFirstStops() throws Exception {
    DataSource db = TestPostgres.freshDatabase();
    try (JdbcStorage storageA = JdbcStorage.postgres(db); JdbcStorage storageB = JdbcStorage.postgres(db)) {
      MasterMail nodeA = MasterMail.builder().storage(storageA).build();
      MasterMail nodeB = MasterMail.builder().storage(storageB).build();
      TenantSetup office = nodeA.createTenant("Office", "admin@office.example", "Admin");
      Mailbox info = nodeA.admin().mailboxes().createShared("info@office.example", "Info", office.adminActor());
      Server server = new Server();
      for (int i = 0; i < 20; i++) {
        server.messages.add(Mails.from("c" + i + "@client.example", "info@office.example", "Message " + i).bytes());
      }
      Map<String, AtomicInteger> deliveredBy = new ConcurrentHashMap<>();
      SourceScheduler a = SourceScheduler.builder(nodeA).node("a").pollInterval(Duration.ofMillis(20))
          .lease(Duration.ofSeconds(30)).source(new FakeSource(office.tenant().id(), info.id(), server, "a", deliveredBy))
          .build();
      SourceScheduler b = SourceScheduler.builder(nodeB).node("b").pollInterval(Duration.ofMillis(20))
          .lease(Duration.ofSeconds(30)).source(new FakeSource(office.tenant().id(), info.id(), server, "b", deliveredBy))
          .build();
      a.start();
      await(() -> count(nodeA, office) == 20);
      b.start();
      for (int i = 20; i < 30; i++) {
        server.messages.add(Mails.from("c" + i + "@client.example", "info@office.example", "Message " + i).bytes());
      }
      await(() -> count(nodeA, office) == 30);
      assertThat(deliveredBy.keySet()).containsExactly("a");

      a.close(); // releases the lease: b takes over at its next round
      for (int i = 30; i < 40; i++) {
        server.messages.add(Mails.from("c" + i + "@client.example", "info@office.example", "Message " + i).bytes());
      }
      await(() -> count(nodeB, office) == 40);
      b.close();

      assertThat(deliveredBy.get("a").get()).isEqualTo(30);
      assertThat(deliveredBy.get("b").get()).isEqualTo(10);
      assertThat(count(nodeB, office)).isEqualTo(40);
    }
  }

  private static int count(MasterMail mm, TenantSetup office) {
    return mm.triage().list(View.ALL, ConversationFilter.none(), Sort.NEWEST, null, 500, office.adminActor())
        .items().size();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
