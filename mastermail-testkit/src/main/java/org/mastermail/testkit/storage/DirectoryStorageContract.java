package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.T0;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.storage.Fixtures.World;

/** Tenants and users: lookups, ordering, the per-tenant unique email, and tenant isolation. */
public interface DirectoryStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void tenantShouldBeFoundAfterInsertAndRenamedByUpdate() {
    Tenant tenant = new Tenant(TenantId.random(), "Before", T0);
    storage().useTransaction(s -> s.tenants().insert(tenant));
    storage().useTransaction(s -> s.tenants().update(tenant.withName("After")));
    assertThat(storage().inTransaction((StorageSession s) -> s.tenants().find(tenant.id()))).contains(tenant.withName("After"));
  }

  @Test
  default void accessRevisionShouldGrowWithEachBumpAndOnlyWhenCommitted() {
    Tenant tenant = new Tenant(TenantId.random(), "Revisions", T0);
    storage().useTransaction(s -> s.tenants().insert(tenant));
    long start = storage().inTransaction((StorageSession s) -> s.tenants().accessRevision(tenant.id()));
    storage().useTransaction(s -> s.tenants().bumpAccessRevision(tenant.id()));
    assertThatThrownBy(() -> storage().useTransaction(s -> {
      s.tenants().bumpAccessRevision(tenant.id());
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    long after = storage().inTransaction((StorageSession s) -> s.tenants().accessRevision(tenant.id()));
    assertThat(after).isEqualTo(start + 1);
    assertThat(storage().inTransaction((StorageSession s) -> s.tenants().accessRevision(TenantId.random())))
        .isZero();
  }

  @Test
  default void tenantsShouldBeListedByName() {
    String prefix = "zz-" + UUID.randomUUID() + "-";
    Tenant b = new Tenant(TenantId.random(), prefix + "b", T0);
    Tenant a = new Tenant(TenantId.random(), prefix + "a", T0);
    Tenant c = new Tenant(TenantId.random(), prefix + "c", T0);
    storage().useTransaction(s -> {
      s.tenants().insert(b);
      s.tenants().insert(a);
      s.tenants().insert(c);
    });
    List<Tenant> listed = storage().inTransaction(s -> s.tenants().list());
    assertThat(listed.stream().filter(t -> t.name().startsWith(prefix)).toList()).containsExactly(a, b, c);
  }

  @Test
  default void userShouldBeFoundByIdAndByEmail() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> {
      assertThat(s.users().find(w.id(), w.bob().id())).contains(w.bob());
      assertThat(s.users().findByEmail(w.id(), w.bob().email())).contains(w.bob());
      assertThat(s.users().findByEmail(w.id(), "nobody@example.com")).isEmpty();
      assertThat(s.users().find(w.id(), UserId.random())).isEmpty();
    });
  }

  @Test
  default void findByEmailShouldIgnoreCase() {
    World w = Fixtures.world(storage());
    assertThat(storage().inTransaction((StorageSession s) -> s.users().findByEmail(w.id(), "BOB@Example.COM"))).contains(w.bob());
  }

  @Test
  default void userEmailShouldBeUniquePerTenantIgnoringCase() {
    World w = Fixtures.world(storage());
    User twin = new User(w.id(), UserId.random(), "ALICE@example.com", "Other Alice", "member", true);
    assertThatThrownBy(() -> storage().useTransaction(s -> s.users().insert(twin)))
        .isInstanceOf(DuplicateKeyException.class)
        .message().isNotBlank();
    assertThat(storage().inTransaction((StorageSession s) -> s.users().find(w.id(), twin.id()))).isEmpty();
  }

  @Test
  default void userUpdateShouldNotTakeAnotherUsersEmail() {
    World w = Fixtures.world(storage());
    User stealing = new User(w.id(), w.bob().id(), w.alice().email(), "Bob", "member", true);
    assertThatThrownBy(() -> storage().useTransaction(s -> s.users().update(stealing)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(storage().inTransaction((StorageSession s) -> s.users().find(w.id(), w.bob().id()))).contains(w.bob());
  }

  @Test
  default void sameEmailShouldBeAllowedInAnotherTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    assertThat(other.alice().email()).isEqualTo(w.alice().email());
    storage().useTransaction(s -> {
      assertThat(s.users().findByEmail(w.id(), w.alice().email())).contains(w.alice());
      assertThat(s.users().findByEmail(other.id(), w.alice().email())).contains(other.alice());
    });
  }

  @Test
  default void userUpdateShouldReplaceEveryField() {
    World w = Fixtures.world(storage());
    User changed = new User(w.id(), w.carol().id(), "carol.new@example.com", "Carol New", "manager", false);
    storage().useTransaction(s -> s.users().update(changed));
    storage().useTransaction(s -> {
      assertThat(s.users().find(w.id(), w.carol().id())).contains(changed);
      assertThat(s.users().findByEmail(w.id(), w.carol().email())).isEmpty();
    });
  }

  @Test
  default void usersShouldBeListedByDisplayName() {
    World w = Fixtures.world(storage());
    User aaron = Fixtures.user(w.id(), "Aaron");
    storage().useTransaction(s -> s.users().insert(aaron));
    assertThat(storage().inTransaction((StorageSession s) -> s.users().list(w.id())))
        .containsExactly(aaron, w.alice(), w.bob(), w.carol());
  }

  @Test
  default void usersShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    storage().useTransaction(s -> {
      assertThat(s.users().find(other.id(), w.alice().id())).isEmpty();
      assertThat(s.users().list(other.id())).doesNotContain(w.alice(), w.bob(), w.carol()).hasSize(3);
      assertThat(s.tenants().find(TenantId.random())).isEmpty();
    });
  }
}
