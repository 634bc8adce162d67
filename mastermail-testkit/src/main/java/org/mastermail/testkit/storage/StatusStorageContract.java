package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** The tenant's status list and its transitions. */
public interface StatusStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void statusesShouldBeListedByPosition() {
    World w = Fixtures.world(storage());
    Status first = Fixtures.status(w.id(), "new", StatusCategory.OPEN, 0);
    storage().useTransaction(s -> s.statuses().insert(first));
    assertThat(storage().inTransaction((StorageSession s) -> s.statuses().list(w.id())))
        .containsExactly(first, w.open(), w.waiting(), w.closed());
  }

  @Test
  default void statusNameShouldBeUniquePerTenant() {
    World w = Fixtures.world(storage());
    Status twin = Fixtures.status(w.id(), "open", StatusCategory.WAITING, 9);
    assertThatThrownBy(() -> storage().useTransaction(s -> s.statuses().insert(twin)))
        .isInstanceOf(DuplicateKeyException.class)
        .message().isNotBlank();
    assertThat(storage().inTransaction((StorageSession s) -> s.statuses().find(w.id(), twin.id()))).isEmpty();
  }

  @Test
  default void statusUpdateShouldNotTakeAnotherStatusName() {
    World w = Fixtures.world(storage());
    assertThatThrownBy(() -> storage().useTransaction(s -> s.statuses().update(w.waiting().withName("open"))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(storage().inTransaction((StorageSession s) -> s.statuses().find(w.id(), w.waiting().id()))).contains(w.waiting());
  }

  @Test
  default void sameStatusNameShouldBeAllowedInAnotherTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    storage().useTransaction(s -> {
      assertThat(s.statuses().list(w.id())).extracting(Status::name).containsExactly("open", "waiting", "closed");
      assertThat(s.statuses().list(other.id())).extracting(Status::name).containsExactly("open", "waiting", "closed");
    });
  }

  @Test
  default void statusUpdateShouldReplaceNameCategoryPositionAndTransitions() {
    World w = Fixtures.world(storage());
    Status changed = new Status(w.id(), w.waiting().id(), "on hold", StatusCategory.OPEN, 7,
        Set.of(w.open().id(), w.closed().id()));
    storage().useTransaction(s -> s.statuses().update(changed));
    assertThat(storage().inTransaction((StorageSession s) -> s.statuses().find(w.id(), w.waiting().id()))).contains(changed);
  }

  @Test
  default void deleteShouldRemoveTheStatusFromOtherStatusesTransitions() {
    World w = Fixtures.world(storage());
    Status open = w.open().withAllowedNext(Set.of(w.waiting().id(), w.closed().id()));
    Status waiting = w.waiting().withAllowedNext(Set.of(w.closed().id(), w.open().id()));
    storage().useTransaction(s -> {
      s.statuses().update(open);
      s.statuses().update(waiting);
    });
    storage().useTransaction(s -> s.statuses().delete(w.id(), w.closed().id()));
    storage().useTransaction(s -> {
      assertThat(s.statuses().find(w.id(), w.closed().id())).isEmpty();
      assertThat(s.statuses().find(w.id(), w.open().id())).contains(open.withAllowedNext(Set.of(w.waiting().id())));
      assertThat(s.statuses().find(w.id(), w.waiting().id()))
          .contains(waiting.withAllowedNext(Set.of(w.open().id())));
      assertThat(s.statuses().list(w.id())).hasSize(2);
    });
  }

  @Test
  default void statusesShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    storage().useTransaction(s -> s.statuses().delete(other.id(), w.open().id()));
    storage().useTransaction(s -> {
      assertThat(s.statuses().find(other.id(), w.open().id())).isEmpty();
      assertThat(s.statuses().list(other.id())).containsExactly(other.open(), other.waiting(), other.closed());
      assertThat(s.statuses().find(w.id(), w.open().id())).contains(w.open());
    });
  }
}
