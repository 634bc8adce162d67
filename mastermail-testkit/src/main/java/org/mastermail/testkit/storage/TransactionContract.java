package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.T0;
import static org.mastermail.testkit.storage.Fixtures.at;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.event.EventType;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.testkit.storage.Fixtures.World;

/** What {@link Storage#inTransaction} promises: own writes visible, all or nothing, the exception unchanged. */
public interface TransactionContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void unitOfWorkShouldSeeItsOwnWrites() {
    Tenant tenant = new Tenant(TenantId.random(), "Own writes", T0);
    Optional<Tenant> seen = storage().inTransaction(s -> {
      s.tenants().insert(tenant);
      return s.tenants().find(tenant.id());
    });
    assertThat(seen).contains(tenant);
  }

  @Test
  default void committedWritesShouldBeSeenByLaterUnitsOfWork() {
    Tenant tenant = new Tenant(TenantId.random(), "Committed", T0);
    storage().useTransaction(s -> s.tenants().insert(tenant));
    assertThat(storage().inTransaction((StorageSession s) -> s.tenants().find(tenant.id()))).contains(tenant);
  }

  @Test
  default void failedUnitOfWorkShouldLeaveNothingBehind() {
    TenantId t = TenantId.random();
    Tenant tenant = new Tenant(t, "Rolled back", T0);
    User user = Fixtures.user(t, "Dora");
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> storage().useTransaction(s -> {
      s.tenants().insert(tenant);
      s.users().insert(user);
      s.mailboxes().insert(Fixtures.mailbox(t, "info"));
      throw boom;
    })).isSameAs(boom);
    storage().useTransaction(s -> {
      assertThat(s.tenants().find(t)).isEmpty();
      assertThat(s.users().find(t, user.id())).isEmpty();
      assertThat(s.mailboxes().list(t)).isEmpty();
    });
  }

  @Test
  default void failedUnitOfWorkShouldRollBackUpdatesDeletesAndAppends() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(1)));
    RuntimeException boom = new RuntimeException("boom");
    assertThatThrownBy(() -> storage().useTransaction(s -> {
      assertThat(s.conversations().update(c.change().assignee(w.bob().id()).done())).isTrue();
      s.conversations().markUnread(w.id(), c.id(), w.alice().id());
      s.statuses().delete(w.id(), w.closed().id());
      s.events().append(Fixtures.event(w.id(), c.id(), EventType.ASSIGNED, at(2)));
      s.tenants().update(w.tenant().withName("Renamed"));
      throw boom;
    })).isSameAs(boom);
    storage().useTransaction(s -> {
      assertThat(s.conversations().find(w.id(), c.id())).contains(c);
      assertThat(s.conversations().readAt(w.id(), c.id(), w.alice().id())).contains(at(1));
      assertThat(s.statuses().find(w.id(), w.closed().id())).contains(w.closed());
      assertThat(s.events().listByConversation(w.id(), c.id())).isEmpty();
      assertThat(s.tenants().find(w.id())).contains(w.tenant());
    });
  }

  @Test
  default void failedUnitOfWorkShouldRethrowTheCheckedExceptionUnchanged() {
    Tenant tenant = new Tenant(TenantId.random(), "Checked", T0);
    IOException failure = new IOException("disk on fire");
    assertThatThrownBy(() -> storage().<Void, IOException>inTransaction(s -> {
      s.tenants().insert(tenant);
      throw failure;
    })).isSameAs(failure);
    assertThat(storage().inTransaction((StorageSession s) -> s.tenants().find(tenant.id()))).isEmpty();
  }

  @Test
  default void inTransactionShouldReturnTheResultOfTheUnitOfWork() {
    World w = Fixtures.world(storage());
    long count = storage().inTransaction(s -> (long) s.users().list(w.id()).size());
    assertThat(count).isEqualTo(3);
  }
}
