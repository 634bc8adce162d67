package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.permission.Grant;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;

/**
 * The permission matrix of the admin API: every operation refused to a plain member and allowed to the holder of its
 * permission (the admin, or the owner for delegations).
 */
public interface AdminPermissionContract extends EngineFixture {
  /** One row of the matrix: the operation, run by the given actor in a fresh office. */
  record Row(String operation, BiConsumer<Office, Actor> call) {}

  private static List<Row> rows() {
    return List.of(
        new Row("users.create", (o, a) -> o.mm.admin().users().create("new@" + o.domain, "New", Role.MEMBER, a)),
        new Row("users.setRole", (o, a) -> o.mm.admin().users().setRole(o.bob.user(), Role.MANAGER, a)),
        new Row("users.rename", (o, a) -> o.mm.admin().users().rename(o.bob.user(), "Robert", a)),
        new Row("users.deactivate", (o, a) -> o.mm.admin().users().deactivate(o.bob.user(), a)),
        new Row("permissions.defineRole",
            (o, a) -> o.mm.admin().permissions().defineRole("intern", Set.of(Permission.TAKE), a)),
        new Row("permissions.grant",
            (o, a) -> o.mm.admin().permissions().grant(o.bob.user(), o.info.id(), Permission.ASSIGN, Set.of(), a)),
        new Row("permissions.deny",
            (o, a) -> o.mm.admin().permissions().deny(o.bob.user(), null, Permission.TAKE, Set.of(), a)),
        new Row("permissions.revoke", (o, a) -> {
          Grant g = o.mm.admin().permissions().grant(o.bob.user(), null, Permission.VIEW_REPORTS, Set.of(), o.admin);
          o.mm.admin().permissions().revoke(g.id(), a);
        }),
        new Row("permissions.roles", (o, a) -> o.mm.admin().permissions().roles(a)),
        new Row("permissions.grantsOf(colleague)", (o, a) -> o.mm.admin().permissions().grantsOf(o.bob.user(), a)),
        new Row("mailboxes.createShared",
            (o, a) -> o.mm.admin().mailboxes().createShared("new@" + o.domain, "New", a)),
        new Row("mailboxes.createPersonal",
            (o, a) -> o.mm.admin().mailboxes().createPersonal("bob2@" + o.domain, "Bob", o.bob.user(), a)),
        new Row("mailboxes.rename", (o, a) -> o.mm.admin().mailboxes().rename(o.info.id(), "Information", a)),
        new Row("mailboxes.addMember",
            (o, a) -> o.mm.admin().mailboxes().addMember(o.sales.id(), o.bob.user(), Role.MEMBER, a)),
        new Row("mailboxes.removeMember",
            (o, a) -> o.mm.admin().mailboxes().removeMember(o.info.id(), o.bob.user(), a)),
        new Row("statuses.add", (o, a) -> o.mm.admin().statuses().add("on hold", StatusCategory.WAITING, a)),
        new Row("statuses.rename", (o, a) -> o.mm.admin().statuses().rename(o.status("received").id(), "new", a)),
        new Row("statuses.reorder", (o, a) -> {
          List<StatusId> ids = new ArrayList<>(
              o.mm.admin().statuses().list(o.admin).stream().map(s -> s.id()).toList());
          Collections.reverse(ids);
          o.mm.admin().statuses().reorder(ids, a);
        }),
        new Row("statuses.setTransitions", (o, a) -> o.mm.admin().statuses().setTransitions(
            o.status("received").id(), Set.of(o.status("in progress").id()), a)),
        new Row("statuses.remove", (o, a) -> o.mm.admin().statuses().remove(o.status("in progress").id(), null, a)));
  }

  @Test
  default void usersShouldBeFoundByIdAndEmailWithinTheTenantOnly() {
    Office o = newOffice();
    Office other = newOffice();
    var users = o.mm.admin().users();

    assertThat(users.find(o.bob.user(), o.alice).orElseThrow().email()).isEqualTo("bob@" + o.domain);
    assertThat(users.findByEmail("BOB@" + o.domain.toUpperCase(Locale.ROOT), o.alice).orElseThrow().id())
        .isEqualTo(o.bob.user());
    assertThat(users.find(o.bob.user(), other.alice)).isEmpty();
    assertThat(users.findByEmail("bob@" + o.domain, other.alice)).isEmpty();
    assertThatThrownBy(() -> users.findByEmail("not an address", o.alice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("email");
  }

  @Test
  default void grantsOfAnotherTenantsUserShouldNotBeFound() {
    Office o = newOffice();
    Office other = newOffice();

    assertThatThrownBy(() -> o.mm.admin().permissions().grantsOf(other.bob.user(), o.admin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  default void holdsShouldAnswerForTenantWideAndMailboxPermissions() {
    Office o = newOffice();
    var permissions = o.mm.admin().permissions();

    assertThat(permissions.holds(Permission.MANAGE_RULES, null, o.admin)).isTrue();
    assertThat(permissions.holds(Permission.MANAGE_RULES, null, o.alice)).isFalse();
    assertThat(permissions.holds(Permission.SEND_AS, o.info.id(), o.alice)).isTrue();
    assertThat(permissions.holds(Permission.SEND_AS, o.sales.id(), o.alice)).as("not her mailbox").isFalse();
    assertThat(permissions.holds(Permission.SEND_AS, null, o.alice)).as("a mailbox permission needs the mailbox")
        .isFalse();
    assertThatThrownBy(() -> permissions.require(Permission.VIEW_REPORTS, null,
        o.alice)).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("VIEW_REPORTS");
  }

  @TestFactory
  default Stream<DynamicTest> everyAdminOperationShouldBeRefusedToAPlainMember() {
    return rows().stream().map(row -> DynamicTest.dynamicTest(row.operation() + " refused", () -> {
      Office o = newOffice();
      assertThatThrownBy(() -> row.call().accept(o, o.alice)).isInstanceOf(PermissionDeniedException.class);
    }));
  }

  @TestFactory
  default Stream<DynamicTest> everyAdminOperationShouldBeAllowedWithItsPermission() {
    return rows().stream().map(row -> DynamicTest.dynamicTest(row.operation() + " allowed", () -> {
      Office o = newOffice();
      assertThatCode(() -> row.call().accept(o, o.admin)).doesNotThrowAnyException();
    }));
  }

  @TestFactory
  default Stream<DynamicTest> grantingTheOnePermissionShouldBeEnough() {
    return Stream.of(
        DynamicTest.dynamicTest("MANAGE_MAILBOXES", () -> {
          Office o = newOffice();
          o.mm.admin().permissions().grant(o.alice.user(), null, Permission.MANAGE_MAILBOXES, Set.of(), o.admin);
          assertThatCode(() -> o.mm.admin().mailboxes().createShared("x@" + o.domain, "X", o.alice))
              .doesNotThrowAnyException();
          assertThatThrownBy(() -> o.mm.admin().statuses().add("x", StatusCategory.OPEN, o.alice))
              .isInstanceOf(PermissionDeniedException.class);
        }),
        DynamicTest.dynamicTest("MANAGE_STATUSES", () -> {
          Office o = newOffice();
          o.mm.admin().permissions().grant(o.alice.user(), null, Permission.MANAGE_STATUSES, Set.of(), o.admin);
          assertThatCode(() -> o.mm.admin().statuses().add("x", StatusCategory.OPEN, o.alice))
              .doesNotThrowAnyException();
          assertThatThrownBy(() -> o.mm.admin().users().create("y@" + o.domain, "Y", Role.MEMBER, o.alice))
              .isInstanceOf(PermissionDeniedException.class);
        }),
        DynamicTest.dynamicTest("MANAGE_PERMISSIONS", () -> {
          Office o = newOffice();
          o.mm.admin().permissions().grant(o.alice.user(), null, Permission.MANAGE_PERMISSIONS, Set.of(), o.admin);
          assertThatCode(() -> o.mm.admin().users().create("y@" + o.domain, "Y", Role.MEMBER, o.alice))
              .doesNotThrowAnyException();
          assertThatThrownBy(() -> o.mm.admin().mailboxes().createShared("x@" + o.domain, "X", o.alice))
              .isInstanceOf(PermissionDeniedException.class);
        }));
  }

  @TestFactory
  default Stream<DynamicTest> delegationShouldBeForTheOwnerWithDelegateOrAMailboxManager() {
    return Stream.of(
        DynamicTest.dynamicTest("owner allowed", () -> {
          Office o = newOffice();
          assertThatCode(() -> o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(),
              clock().instant().plus(Duration.ofDays(7)), o.alice)).doesNotThrowAnyException();
        }),
        DynamicTest.dynamicTest("owner without DELEGATE refused", () -> {
          Office o = newOffice();
          o.mm.admin().permissions().deny(o.alice.user(), null, Permission.DELEGATE, Set.of(), o.admin);
          assertThatThrownBy(() -> o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), null,
              o.alice)).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("DELEGATE");
        }),
        DynamicTest.dynamicTest("colleague refused", () -> {
          Office o = newOffice();
          assertThatThrownBy(() -> o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), null,
              o.bob)).isInstanceOf(PermissionDeniedException.class);
        }),
        DynamicTest.dynamicTest("admin allowed, owner revokes", () -> {
          Office o = newOffice();
          var d = o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), null, o.admin);
          assertThatThrownBy(() -> o.mm.admin().mailboxes().revokeDelegation(d.id(), o.carol))
              .isInstanceOf(PermissionDeniedException.class);
          assertThatCode(() -> o.mm.admin().mailboxes().revokeDelegation(d.id(), o.alice))
              .doesNotThrowAnyException();
        }));
  }
}
