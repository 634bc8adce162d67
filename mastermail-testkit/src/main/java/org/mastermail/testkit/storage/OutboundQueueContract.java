package org.mastermail.testkit.storage;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mastermail.testkit.storage.OutboundFixtures.blob;
import static org.mastermail.testkit.storage.OutboundFixtures.epoch;
import static org.mastermail.testkit.storage.OutboundFixtures.outgoing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mastermail.message.MessageId;
import org.mastermail.outbound.Delivery;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/**
 * The dispatcher's queue: claims and the next due time. Both see the rows of every tenant, so each test keeps its
 * times after an epoch of its own, earlier than every time the tests before it used: what they left behind is never
 * due for it. A storage that runs these tests must therefore not be shared with tests running at the same time.
 */
public interface OutboundQueueContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  /**
   * Whether two units of work of the storage can be open at the same time. {@code InMemoryStorage} runs them one after
   * the other, so its claims never meet: its test class answers false and the test of overlapping claims is skipped.
   */
  default boolean transactionsOverlap() {
    return true;
  }

  @Test
  default void claimShouldTakeDueQueuedMessagesEarliestFirst() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    OutboundMessage third = outgoing(w).queuedAt(base.plusSeconds(30)).insert(storage());
    OutboundMessage first = outgoing(w).queuedAt(base).insert(storage());
    OutboundMessage second = outgoing(w).queuedAt(base.plusSeconds(20)).insert(storage());
    Instant now = base.plusSeconds(60);
    Instant until = now.plusSeconds(300);

    assertThat(claim(now, "node-1", until, 2)).containsExactly(claimed(first, "node-1", until, now),
        claimed(second, "node-1", until, now));
    assertThat(claim(now, "node-1", until, 2)).containsExactly(claimed(third, "node-1", until, now));
  }

  @Test
  default void claimShouldStoreTheClaimAndCountTheAttempt() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    OutboundMessage queued = outgoing(w).queuedAt(base).insert(storage());
    Instant now = base.plusSeconds(5);
    Instant until = now.plusSeconds(300);

    List<OutboundMessage> claimed = claim(now, "node-1", until, 10);

    OutboundMessage stored = storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), queued.id()))
        .orElseThrow();
    assertThat(claimed).containsExactly(stored);
    assertThat(stored.state()).isEqualTo(OutboundState.SENDING);
    assertThat(stored.delivery().attempts()).isEqualTo(1);
    assertThat(stored.delivery().claimedBy()).isEqualTo("node-1");
    assertThat(stored.delivery().claimedUntil()).isEqualTo(until);
    assertThat(stored.updatedAt()).isEqualTo(now);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.letter()).isEqualTo(queued.letter());
  }

  @Test
  default void claimShouldSkipMessagesNotYetDue() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    Instant due = base.plusSeconds(60);
    OutboundMessage later = outgoing(w).queuedAt(due).insert(storage());
    Instant until = due.plusSeconds(300);

    assertThat(claim(due.minusSeconds(1), "node-1", until, 10)).isEmpty();
    assertThat(claim(due, "node-1", until, 10)).containsExactly(claimed(later, "node-1", until, due));
  }

  @Test
  default void claimShouldSkipDraftsAndFinishedMessages() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    // every time is in the past: only the state keeps these from being claimed
    for (OutboundState state : List.of(OutboundState.DRAFT, OutboundState.SENT, OutboundState.FAILED,
        OutboundState.CANCELLED)) {
      outgoing(w).delivery(new Delivery(state, "x@example.com", blob(), 10, 1, base, "error", "node-0", base, base,
          MessageId.random())).updatedAt(base).insert(storage());
    }

    assertThat(claim(base.plusSeconds(3600), "node-1", base.plusSeconds(7200), 10)).isEmpty();
  }

  @Test
  default void claimShouldTakeOverSendingMessagesWhoseClaimLapsed() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    Instant now = base.plusSeconds(120);
    OutboundMessage lapsed = outgoing(w).sending("node-a", base, base.plusSeconds(60)).insert(storage());
    outgoing(w).sending("node-a", base, now).insert(storage());
    outgoing(w).sending("node-a", base, base.plusSeconds(600)).insert(storage());
    Instant until = now.plusSeconds(300);

    List<OutboundMessage> taken = claim(now, "node-b", until, 10);

    assertThat(taken).containsExactly(claimed(lapsed, "node-b", until, now));
    assertThat(taken.get(0).delivery().attempts()).isEqualTo(2);
  }

  @Test
  default void claimShouldTakeNoMoreThanTheLimit() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    for (int i = 0; i < 5; i++) {
      outgoing(w).queuedAt(base.plusSeconds(i)).insert(storage());
    }
    Instant now = base.plusSeconds(60);
    Instant until = now.plusSeconds(300);

    assertThat(claim(now, "node-1", until, 3)).hasSize(3);
    assertThat(claim(now, "node-1", until, 3)).hasSize(2);
    assertThat(claim(now, "node-1", until, 3)).isEmpty();
  }

  @Test
  default void claimShouldTakeTheMessagesOfEveryTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Instant base = epoch();
    OutboundMessage mine = outgoing(w).queuedAt(base).insert(storage());
    OutboundMessage theirs = outgoing(other).queuedAt(base.plusSeconds(1)).insert(storage());
    Instant now = base.plusSeconds(60);
    Instant until = now.plusSeconds(300);

    assertThat(claim(now, "node-1", until, 10)).containsExactly(claimed(mine, "node-1", until, now),
        claimed(theirs, "node-1", until, now));
  }

  @Test
  default void claimShouldBeUndoneWithItsUnitOfWork() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    OutboundMessage queued = outgoing(w).queuedAt(base).insert(storage());
    Instant now = base.plusSeconds(60);
    Instant until = now.plusSeconds(300);
    RuntimeException boom = new RuntimeException("boom");

    assertThatThrownBy(() -> storage().useTransaction(s -> {
      assertThat(s.outbound().claim(now, "node-1", until, 10)).hasSize(1);
      throw boom;
    })).isSameAs(boom);

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), queued.id())))
        .contains(queued);
    assertThat(claim(now, "node-2", until, 10)).containsExactly(claimed(queued, "node-2", until, now));
  }

  @Test
  default void claimsRunningAtOnceShouldNeverTakeTheSameMessage() throws Exception {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    List<OutboundMessage> queue = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      queue.add(outgoing(w).queuedAt(base.plusSeconds(i)).build());
    }
    storage().useTransaction(s -> queue.forEach(s.outbound()::insert));
    Instant now = base.plus(Duration.ofHours(1));
    Instant until = now.plus(Duration.ofHours(1));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<List<OutboundId>> a = nodes.submit(() -> claimUntilNoneLeft(start, now, "node-a", until));
      Future<List<OutboundId>> b = nodes.submit(() -> claimUntilNoneLeft(start, now, "node-b", until));
      start.countDown();
      List<OutboundId> byA = a.get(120, SECONDS);
      List<OutboundId> byB = b.get(120, SECONDS);

      assertThat(byA).doesNotHaveDuplicates();
      assertThat(byB).doesNotHaveDuplicates();
      // one node may claim everything before the other starts: compare as sets, which may be empty
      Set<OutboundId> both = new HashSet<>(byA);
      both.retainAll(byB);
      assertThat(both).as("claimed by both nodes").isEmpty();
      Set<OutboundId> all = new HashSet<>(byA);
      all.addAll(byB);
      assertThat(all).containsExactlyInAnyOrderElementsOf(queue.stream().map(OutboundMessage::id).toList());
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  default void claimShouldSkipMessagesAnotherUnitOfWorkIsClaiming() throws Exception {
    assumeTrue(transactionsOverlap(), "units of work of this storage never overlap");
    World w = Fixtures.world(storage());
    Instant base = epoch();
    List<OutboundMessage> queue = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      queue.add(outgoing(w).queuedAt(base.plusSeconds(i)).build());
    }
    storage().useTransaction(s -> queue.forEach(s.outbound()::insert));
    Instant now = base.plus(Duration.ofHours(1));
    Instant until = now.plus(Duration.ofHours(1));
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    ExecutorService node = Executors.newSingleThreadExecutor();
    try {
      // the first claim keeps its unit of work, and so its rows, open until the second one is done
      Future<List<OutboundMessage>> first = node.submit(() -> storage().inTransaction((StorageSession s) -> {
        List<OutboundMessage> claimed = s.outbound().claim(now, "node-a", until, 10);
        firstClaimed.countDown();
        if (!secondDone.await(60, SECONDS)) {
          throw new IllegalStateException("the second claim waited for the first one");
        }
        return claimed;
      }));
      assertThat(firstClaimed.await(60, SECONDS)).isTrue();
      List<OutboundMessage> second;
      try {
        second = claim(now, "node-b", until, 10);
      } finally {
        secondDone.countDown();
      }

      assertThat(ids(first.get(60, SECONDS))).containsExactlyElementsOf(ids(queue.subList(0, 10)));
      assertThat(ids(second)).containsExactlyElementsOf(ids(queue.subList(10, 20)));
    } finally {
      node.shutdownNow();
    }
  }

  @Test
  default void nextDueShouldBeTheEarliestDueTimeOrClaimEnd() {
    World w = Fixtures.world(storage());
    Instant base = epoch();
    outgoing(w).delivery(new Delivery(OutboundState.FAILED, "x@example.com", blob(), 10, 1, base, "error", null, null,
        null, null)).updatedAt(base).insert(storage());
    outgoing(w).queuedAt(base.plusSeconds(300)).insert(storage());
    OutboundMessage sending = outgoing(w).sending("node-a", base, base.plusSeconds(200)).insert(storage());

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().nextDue())).contains(base.plusSeconds(200));

    Instant now = base.plusSeconds(250);
    Instant until = base.plusSeconds(900);
    assertThat(claim(now, "node-b", until, 10)).containsExactly(claimed(sending, "node-b", until, now));
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().nextDue())).contains(base.plusSeconds(300));
  }

  private List<OutboundMessage> claim(Instant now, String holder, Instant until, int limit) {
    return storage().inTransaction((StorageSession s) -> s.outbound().claim(now, holder, until, limit));
  }

  private List<OutboundId> claimUntilNoneLeft(CountDownLatch start, Instant now, String holder, Instant until)
      throws InterruptedException {
    if (!start.await(60, SECONDS)) {
      throw new IllegalStateException("never started");
    }
    List<OutboundId> taken = new ArrayList<>();
    for (List<OutboundMessage> page = claim(now, holder, until, 10); !page.isEmpty();
        page = claim(now, holder, until, 10)) {
      page.forEach(m -> taken.add(m.id()));
    }
    return taken;
  }

  /** {@code m} as a claim at {@code now} stores it. */
  private static OutboundMessage claimed(OutboundMessage m, String holder, Instant until, Instant now) {
    return m.with(m.delivery().claimed(holder, until), now);
  }

  private static List<OutboundId> ids(List<OutboundMessage> messages) {
    return messages.stream().map(OutboundMessage::id).toList();
  }
}
