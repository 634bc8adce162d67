package org.mastermail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.NotFoundException;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

class AdminRepositoriesTest {
  private final Fixtures f = new Fixtures();
  private final JdbcStorage storage = Fixtures.newStorage();

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void tenantsShouldRoundTripAndListByName() {
    Tenant b = new Tenant(TenantId.random(), "B office", Fixtures.T0);
    Tenant a = new Tenant(TenantId.random(), "A office", Fixtures.T0.plusNanos(5_000));
    storage.useTransaction(s -> {
      s.tenants().insert(b);
      s.tenants().insert(a);
      s.tenants().update(b.withName("C office"));
    });
    var tenants = Fixtures.read(storage, s -> s.tenants().list());
    assertThat(tenants).containsExactly(a, b.withName("C office"));
    assertThatThrownBy(() -> storage.useTransaction(s -> s.tenants().update(f.tenantRow())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void usersShouldRoundTripAndBeFoundByEmailIgnoringCase() {
    User anna = new User(f.tenant, UserId.random(), "Anna@Example.com", "Anna", Role.MEMBER, true);
    User bert = new User(f.tenant, UserId.random(), "bert@example.com", "Bert", Role.ADMIN, true);
    storage.useTransaction(s -> {
      s.users().insert(bert);
      s.users().insert(anna);
      s.users().update(bert.withActive(false));
    });
    storage.useTransaction(s -> {
      assertThat(s.users().find(f.tenant, anna.id())).contains(anna);
      assertThat(s.users().findByEmail(f.tenant, "anna@example.COM")).contains(anna);
      assertThat(s.users().findByEmail(TenantId.random(), "anna@example.com")).isEmpty();
      assertThat(s.users().list(f.tenant)).containsExactly(anna, bert.withActive(false));
    });
  }

  @Test
  void duplicateEmailShouldBeReportedWithTheEmail() {
    storage.useTransaction(s -> s.users().insert(new User(f.tenant, UserId.random(), "a@x.com", "A", "member", true)));
    assertThatThrownBy(() -> storage.useTransaction(
        s -> s.users().insert(new User(f.tenant, UserId.random(), "A@X.com", "A2", "member", true))))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("user email a@x.com already exists");
  }

  @Test
  void mailboxesMembersAndDelegationsShouldRoundTrip() {
    UserId owner = UserId.random();
    UserId delegate = UserId.random();
    Mailbox info = f.shared("info@example.com");
    Mailbox personal = new Mailbox(f.tenant, MailboxId.random(), "owner@example.com", "Mine", MailboxKind.PERSONAL,
        owner);
    Delegation later = new Delegation(f.tenant, DelegationId.random(), personal.id(), delegate,
        Fixtures.T0.plus(Duration.ofDays(2)), null);
    Delegation earlier = new Delegation(f.tenant, DelegationId.random(), personal.id(), delegate, Fixtures.T0,
        Fixtures.T0.plus(Duration.ofDays(1)));
    storage.useTransaction(s -> {
      s.mailboxes().insert(personal);
      s.mailboxes().insert(info);
      s.mailboxes().update(info.withName("Information"));
      s.mailboxes().putMember(new MailboxMember(f.tenant, info.id(), owner, Role.MEMBER));
      s.mailboxes().putMember(new MailboxMember(f.tenant, info.id(), owner, Role.MANAGER));
      s.mailboxes().insertDelegation(later);
      s.mailboxes().insertDelegation(earlier);
    });
    storage.useTransaction(s -> {
      assertThat(s.mailboxes().find(f.tenant, personal.id())).contains(personal);
      assertThat(s.mailboxes().findByAddress(f.tenant, "INFO@example.com")).contains(info.withName("Information"));
      assertThat(s.mailboxes().list(f.tenant)).containsExactly(info.withName("Information"), personal);
      assertThat(s.mailboxes().members(f.tenant, info.id()))
          .containsExactly(new MailboxMember(f.tenant, info.id(), owner, Role.MANAGER));
      assertThat(s.mailboxes().membershipsOf(f.tenant, owner)).hasSize(1);
      assertThat(s.mailboxes().delegationsOf(f.tenant, personal.id())).containsExactly(earlier, later);
      assertThat(s.mailboxes().delegationsTo(f.tenant, delegate)).containsExactly(earlier, later);
      assertThat(s.mailboxes().removeMember(f.tenant, info.id(), owner)).isTrue();
      assertThat(s.mailboxes().removeMember(f.tenant, info.id(), owner)).isFalse();
      assertThat(s.mailboxes().deleteDelegation(f.tenant, earlier.id())).isTrue();
      assertThat(s.mailboxes().delegationsTo(f.tenant, delegate)).containsExactly(later);
    });
  }

  @Test
  void statusesShouldRoundTripWithTransitionsAndDeleteShouldRemoveThemElsewhere() {
    StatusId open = StatusId.random();
    StatusId waiting = StatusId.random();
    StatusId done = StatusId.random();
    Status openStatus = new Status(f.tenant, open, "open", StatusCategory.OPEN, 0, Set.of(waiting, done));
    Status waitingStatus = new Status(f.tenant, waiting, "waiting", StatusCategory.WAITING, 1, Set.of(open));
    Status doneStatus = new Status(f.tenant, done, "done", StatusCategory.CLOSED, 2, Set.of());
    storage.useTransaction(s -> {
      s.statuses().insert(doneStatus);
      s.statuses().insert(openStatus);
      s.statuses().insert(waitingStatus);
      s.statuses().update(waitingStatus.withAllowedNext(Set.of(open, done)).withName("waiting for answer"));
    });
    storage.useTransaction(s -> {
      assertThat(s.statuses().find(f.tenant, waiting)).get()
          .satisfies(st -> assertThat(st.allowedNext()).containsExactlyInAnyOrder(open, done))
          .satisfies(st -> assertThat(st.name()).isEqualTo("waiting for answer"));
      assertThat(s.statuses().list(f.tenant)).extracting(Status::id).containsExactly(open, waiting, done);
      s.statuses().delete(f.tenant, done);
    });
    storage.useTransaction(s -> {
      assertThat(s.statuses().find(f.tenant, done)).isEmpty();
      assertThat(s.statuses().find(f.tenant, open).orElseThrow().allowedNext()).containsExactly(waiting);
      assertThat(s.statuses().find(f.tenant, waiting).orElseThrow().allowedNext()).containsExactly(open);
    });
    assertThatThrownBy(() -> storage.useTransaction(
        s -> s.statuses().insert(new Status(f.tenant, StatusId.random(), "open", StatusCategory.OPEN, 9, Set.of()))))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("status name 'open' already exists");
  }

  @Test
  void rolesAndGrantsShouldRoundTrip() {
    UserId user = UserId.random();
    StatusId status = StatusId.random();
    Grant tenantWide = new Grant(f.tenant, GrantId.random(), user, null, Permission.VIEW_REPORTS, Effect.GRANT,
        Set.of());
    Grant narrowed = new Grant(f.tenant, GrantId.random(), user, MailboxId.random(), Permission.SET_STATUS,
        Effect.DENY, Set.of(status));
    storage.useTransaction(s -> {
      s.permissions().putRole(new Role(f.tenant, Role.MEMBER, Role.memberPermissions()));
      s.permissions().putRole(new Role(f.tenant, Role.ADMIN, Set.of()));
      s.permissions().putRole(new Role(f.tenant, Role.ADMIN, Role.adminPermissions()));
      s.permissions().putRole(new Role(f.tenant, "nobody", Set.of()));
      s.permissions().insertGrant(tenantWide);
      s.permissions().insertGrant(narrowed);
    });
    storage.useTransaction(s -> {
      assertThat(s.permissions().findRole(f.tenant, Role.ADMIN)).get()
          .extracting(Role::permissions).isEqualTo(EnumSet.allOf(Permission.class));
      assertThat(s.permissions().roles(f.tenant)).extracting(Role::name)
          .containsExactly(Role.ADMIN, Role.MEMBER, "nobody");
      assertThat(s.permissions().findRole(f.tenant, "nobody")).get().extracting(Role::permissions)
          .isEqualTo(Set.of());
      assertThat(s.permissions().grantsOf(f.tenant, user)).containsExactlyInAnyOrder(tenantWide, narrowed);
      assertThat(s.permissions().deleteGrant(f.tenant, narrowed.id())).isTrue();
      assertThat(s.permissions().deleteGrant(f.tenant, narrowed.id())).isFalse();
      assertThat(s.permissions().grantsOf(f.tenant, user)).containsExactly(tenantWide);
      assertThat(s.permissions().grantsOf(TenantId.random(), user)).isEmpty();
    });
  }
}
