package org.mastermail.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.InMemoryStorage;

class InMemoryStorageTest {
  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

  private final InMemoryStorage storage = new InMemoryStorage();

  @Test
  void sessionShouldBeUnusableAfterItsTransactionEnded() {
    StorageSession leaked = storage.inTransaction(s -> s);
    assertThatThrownBy(leaked::tenants).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void repositoryShouldBeUnusableAfterItsTransactionEnded() {
    var tenants = storage.inTransaction(StorageSession::tenants);
    assertThatThrownBy(() -> tenants.find(TenantId.random())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nestedTransactionShouldBeRefusedAndRollBackTheOuterOne() {
    Tenant tenant = new Tenant(TenantId.random(), "Outer", T0);
    assertThatThrownBy(() -> storage.useTransaction(s -> {
      s.tenants().insert(tenant);
      storage.useTransaction(inner -> inner.tenants().list());
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("nest");
    assertThat(storage.inTransaction((StorageSession s) -> s.tenants().list())).isEmpty();
  }

  @Test
  void closedStorageShouldRefuseTransactions() {
    storage.useTransaction(s -> s.tenants().insert(new Tenant(TenantId.random(), "Gone", T0)));
    storage.close();
    assertThatThrownBy(() -> storage.inTransaction(s -> s.tenants().list())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readOnlyTransactionShouldKeepTheCommittedState() {
    Tenant tenant = new Tenant(TenantId.random(), "Kept", T0);
    storage.useTransaction(s -> s.tenants().insert(tenant));
    storage.useTransaction(s -> s.tenants().list());
    assertThat(storage.inTransaction((StorageSession s) -> s.tenants().find(tenant.id()))).contains(tenant);
  }
}
