package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** Roles and per-user grants and denials. */
public interface PermissionStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void putRoleShouldInsertOrReplaceItsPermissions() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> s.permissions().putRole(new Role(w.id(), "clerk", Role.memberPermissions())));
    Role widened = new Role(w.id(), "clerk", Set.of(Permission.TAKE, Permission.VIEW_ALL));
    storage().useTransaction(s -> s.permissions().putRole(widened));
    storage().useTransaction(s -> {
      assertThat(s.permissions().findRole(w.id(), "clerk")).contains(widened);
      assertThat(s.permissions().findRole(w.id(), "nobody")).isEmpty();
    });
  }

  @Test
  default void rolesShouldBeListedByName() {
    World w = Fixtures.world(storage());
    Role member = new Role(w.id(), Role.MEMBER, Role.memberPermissions());
    Role admin = new Role(w.id(), Role.ADMIN, Role.adminPermissions());
    Role manager = new Role(w.id(), Role.MANAGER, Role.managerPermissions());
    Role empty = new Role(w.id(), "visitor", Set.of());
    storage().useTransaction(s -> {
      s.permissions().putRole(member);
      s.permissions().putRole(empty);
      s.permissions().putRole(admin);
      s.permissions().putRole(manager);
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.permissions().roles(w.id())))
        .containsExactly(admin, manager, member, empty);
  }

  @Test
  default void grantsShouldBeListedPerUserWithEveryField() {
    World w = Fixtures.world(storage());
    Grant tenantWide = new Grant(w.id(), GrantId.random(), w.bob().id(), null, Permission.VIEW_REPORTS, Effect.GRANT,
        Set.of());
    Grant narrowed = new Grant(w.id(), GrantId.random(), w.bob().id(), w.info().id(), Permission.SET_STATUS,
        Effect.DENY, Set.of(w.closed().id(), w.waiting().id()));
    Grant someoneElse = new Grant(w.id(), GrantId.random(), w.carol().id(), w.info().id(), Permission.VIEW_ALL,
        Effect.GRANT, Set.of());
    storage().useTransaction(s -> {
      s.permissions().insertGrant(tenantWide);
      s.permissions().insertGrant(narrowed);
      s.permissions().insertGrant(someoneElse);
    });
    storage().useTransaction(s -> {
      assertThat(s.permissions().grantsOf(w.id(), w.bob().id())).containsExactlyInAnyOrder(tenantWide, narrowed);
      assertThat(s.permissions().grantsOf(w.id(), w.alice().id())).isEmpty();
    });
  }

  @Test
  default void deleteGrantShouldReportWhetherOneWasRemoved() {
    World w = Fixtures.world(storage());
    Grant grant = new Grant(w.id(), GrantId.random(), w.bob().id(), null, Permission.ASSIGN, Effect.GRANT, Set.of());
    storage().useTransaction(s -> s.permissions().insertGrant(grant));
    storage().useTransaction(s -> {
      assertThat(s.permissions().deleteGrant(w.id(), grant.id())).isTrue();
      assertThat(s.permissions().deleteGrant(w.id(), grant.id())).isFalse();
      assertThat(s.permissions().grantsOf(w.id(), w.bob().id())).isEmpty();
    });
  }

  @Test
  default void permissionsShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Role role = new Role(w.id(), "secret", Set.of(Permission.VIEW_ALL));
    Grant grant = new Grant(w.id(), GrantId.random(), w.bob().id(), null, Permission.ASSIGN, Effect.GRANT, Set.of());
    storage().useTransaction(s -> {
      s.permissions().putRole(role);
      s.permissions().insertGrant(grant);
    });
    storage().useTransaction(s -> {
      assertThat(s.permissions().findRole(other.id(), "secret")).isEmpty();
      assertThat(s.permissions().roles(other.id())).isEmpty();
      assertThat(s.permissions().grantsOf(other.id(), w.bob().id())).isEmpty();
      assertThat(s.permissions().deleteGrant(other.id(), grant.id())).isFalse();
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.permissions().grantsOf(w.id(), w.bob().id()))).containsExactly(grant);
  }
}
