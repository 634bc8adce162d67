package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.testkit.storage.Fixtures.T0;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.rule.StoredRules;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.storage.Fixtures.World;

/** Rule sets with optimistic versions, shared counters and stamps, and per-assignee load counts. */
public interface RuleStorageContract {
  Storage storage();

  @Test
  default void ruleSetShouldBeSavedOnlyAgainstTheVersionStored() {
    World w = Fixtures.world(storage());
    StoredRules first = new StoredRules(w.id(), null, "{\"rules\":[]}", 1, T0);
    StoredRules mailbox = new StoredRules(w.id(), w.info().id(), "{\"rules\":[1]}", 1, T0);

    assertThat(storage().inTransaction((StorageSession s) -> s.rules().save(first))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().save(mailbox))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().save(first))).isFalse();
    StoredRules second = new StoredRules(w.id(), null, "{\"rules\":[2]}", 2, T0.plusSeconds(1));
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().save(second))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().save(second))).isFalse();

    assertThat(storage().inTransaction((StorageSession s) -> s.rules().find(w.id(), null))).contains(second);
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().version(w.id(), null))).isEqualTo(2);
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().version(w.id(), w.info().id()))).isEqualTo(1);
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().find(w.id(), w.info().id()))).contains(mailbox);
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().list(w.id()))).containsExactly(second, mailbox);
    World other = Fixtures.world(storage());
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().find(other.id(), null))).isEmpty();
    assertThat(storage().inTransaction((StorageSession s) -> s.rules().version(other.id(), null))).isZero();
  }

  @Test
  default void counterShouldCountFromOneAndOnlyCommittedIncrementsShouldStay() {
    World w = Fixtures.world(storage());
    assertThat(storage().inTransaction((StorageSession s) -> s.state().increment(w.id(), "rr:team"))).isEqualTo(1);
    assertThat(storage().inTransaction((StorageSession s) -> s.state().increment(w.id(), "rr:team"))).isEqualTo(2);
    try {
      storage().useTransaction(s -> {
        s.state().increment(w.id(), "rr:team");
        throw new IllegalStateException("rolled back");
      });
    } catch (IllegalStateException expected) {
      // the increment is gone with its transaction
    }
    assertThat(storage().inTransaction((StorageSession s) -> s.state().increment(w.id(), "rr:team"))).isEqualTo(3);
    assertThat(storage().inTransaction((StorageSession s) -> s.state().increment(w.id(), "rr:other"))).isEqualTo(1);
  }

  @Test
  default void stampShouldBeReplacedByTheLatest() {
    World w = Fixtures.world(storage());
    Instant later = T0.plusSeconds(3600);
    assertThat(storage().inTransaction((StorageSession s) -> s.state().stamp(w.id(), "auto:a@x"))).isEmpty();
    storage().useTransaction(s -> s.state().stamp(w.id(), "auto:a@x", T0));
    storage().useTransaction(s -> s.state().stamp(w.id(), "auto:a@x", later));
    assertThat(storage().inTransaction((StorageSession s) -> s.state().stamp(w.id(), "auto:a@x"))).contains(later);
  }

  @Test
  default void countByAssigneeShouldCountOnlyTheGivenStatusesAndPeople() {
    World w = Fixtures.world(storage());
    Fixtures.conversation(w).assignee(w.alice()).status(w.open()).insert(storage());
    Fixtures.conversation(w).assignee(w.alice()).status(w.open()).insert(storage());
    Fixtures.conversation(w).assignee(w.alice()).status(w.waiting()).insert(storage());
    Fixtures.conversation(w).assignee(w.bob()).status(w.waiting()).insert(storage());
    Fixtures.conversation(w).status(w.open()).insert(storage());

    Map<UserId, Long> counts = storage().inTransaction((StorageSession s) -> s.conversations().countByAssignee(w.id(),
        Set.of(w.alice().id(), w.bob().id()), Set.of(w.open().id())));

    assertThat(counts).containsExactly(Map.entry(w.alice().id(), 2L));
  }
}
