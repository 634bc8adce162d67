package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.at;

import org.junit.jupiter.api.Test;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** Mailboxes, memberships and delegations. */
public interface MailboxStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void mailboxShouldBeFoundByIdAndByAddress() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().find(w.id(), w.sales().id())).contains(w.sales());
      assertThat(s.mailboxes().findByAddress(w.id(), "sales@example.com")).contains(w.sales());
      assertThat(s.mailboxes().findByAddress(w.id(), "nothing@example.com")).isEmpty();
      assertThat(s.mailboxes().find(w.id(), MailboxId.random())).isEmpty();
    });
  }

  @Test
  default void mailboxAddressShouldBeUniquePerTenant() {
    World w = Fixtures.world(storage());
    Mailbox twin = Fixtures.mailbox(w.id(), "info");
    assertThatThrownBy(() -> storage().useTransaction(s -> s.mailboxes().insert(twin)))
        .isInstanceOf(DuplicateKeyException.class)
        .message().isNotBlank();
    assertThat(storage().inTransaction((StorageSession s) -> s.mailboxes().list(w.id()))).containsExactly(w.info(), w.sales());
  }

  @Test
  default void sameAddressShouldBeAllowedInAnotherTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().findByAddress(w.id(), "info@example.com")).contains(w.info());
      assertThat(s.mailboxes().findByAddress(other.id(), "info@example.com")).contains(other.info());
    });
  }

  @Test
  default void mailboxUpdateShouldReplaceTheName() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> s.mailboxes().update(w.info().withName("Front desk")));
    assertThat(storage().inTransaction((StorageSession s) -> s.mailboxes().find(w.id(), w.info().id())))
        .contains(w.info().withName("Front desk"));
  }

  @Test
  default void mailboxesShouldBeListedByAddress() {
    World w = Fixtures.world(storage());
    Mailbox accounting = Fixtures.mailbox(w.id(), "accounting");
    Mailbox zeta = Fixtures.mailbox(w.id(), "zeta");
    storage().useTransaction(s -> {
      s.mailboxes().insert(zeta);
      s.mailboxes().insert(accounting);
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.mailboxes().list(w.id())))
        .containsExactly(accounting, w.info(), w.sales(), zeta);
  }

  @Test
  default void personalMailboxShouldKeepItsOwner() {
    World w = Fixtures.world(storage());
    Mailbox personal = new Mailbox(w.id(), MailboxId.random(), "alice.private@example.com", "Alice", MailboxKind.PERSONAL,
        w.alice().id());
    storage().useTransaction(s -> s.mailboxes().insert(personal));
    assertThat(storage().inTransaction((StorageSession s) -> s.mailboxes().find(w.id(), personal.id()))).contains(personal);
  }

  @Test
  default void putMemberShouldAddOrReplaceTheRole() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> {
      s.mailboxes().putMember(new MailboxMember(w.id(), w.info().id(), w.alice().id(), "member"));
      s.mailboxes().putMember(new MailboxMember(w.id(), w.info().id(), w.bob().id(), "member"));
    });
    storage().useTransaction(s -> s.mailboxes().putMember(new MailboxMember(w.id(), w.info().id(), w.alice().id(),
        "manager")));
    assertThat(storage().inTransaction((StorageSession s) -> s.mailboxes().members(w.id(), w.info().id()))).containsExactlyInAnyOrder(
        new MailboxMember(w.id(), w.info().id(), w.alice().id(), "manager"),
        new MailboxMember(w.id(), w.info().id(), w.bob().id(), "member"));
  }

  @Test
  default void removeMemberShouldReportWhetherAMembershipWasRemoved() {
    World w = Fixtures.world(storage());
    storage().useTransaction(s -> s.mailboxes().putMember(new MailboxMember(w.id(), w.info().id(), w.alice().id(),
        "member")));
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().removeMember(w.id(), w.info().id(), w.alice().id())).isTrue();
      assertThat(s.mailboxes().removeMember(w.id(), w.info().id(), w.alice().id())).isFalse();
      assertThat(s.mailboxes().members(w.id(), w.info().id())).isEmpty();
    });
  }

  @Test
  default void membershipsOfShouldListEveryMailboxOfTheUser() {
    World w = Fixtures.world(storage());
    MailboxMember inInfo = new MailboxMember(w.id(), w.info().id(), w.bob().id(), "member");
    MailboxMember inSales = new MailboxMember(w.id(), w.sales().id(), w.bob().id(), "manager");
    storage().useTransaction(s -> {
      s.mailboxes().putMember(inInfo);
      s.mailboxes().putMember(inSales);
      s.mailboxes().putMember(new MailboxMember(w.id(), w.sales().id(), w.carol().id(), "member"));
    });
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().membershipsOf(w.id(), w.bob().id())).containsExactlyInAnyOrder(inInfo, inSales);
      assertThat(s.mailboxes().membershipsOf(w.id(), w.alice().id())).isEmpty();
    });
  }

  @Test
  default void delegationsShouldBeListedByMailboxAndByDelegate() {
    World w = Fixtures.world(storage());
    Mailbox personal = new Mailbox(w.id(), MailboxId.random(), "alice.own@example.com", "Alice", MailboxKind.PERSONAL,
        w.alice().id());
    Delegation holiday = new Delegation(w.id(), DelegationId.random(), personal.id(), w.bob().id(), at(0), at(60));
    Delegation forever = new Delegation(w.id(), DelegationId.random(), personal.id(), w.carol().id(), at(10), null);
    storage().useTransaction(s -> {
      s.mailboxes().insert(personal);
      s.mailboxes().insertDelegation(holiday);
      s.mailboxes().insertDelegation(forever);
    });
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().delegationsOf(w.id(), personal.id())).containsExactlyInAnyOrder(holiday, forever);
      assertThat(s.mailboxes().delegationsTo(w.id(), w.bob().id())).containsExactly(holiday);
      assertThat(s.mailboxes().delegationsTo(w.id(), w.carol().id())).containsExactly(forever);
      assertThat(s.mailboxes().delegationsOf(w.id(), w.info().id())).isEmpty();
    });
  }

  @Test
  default void deleteDelegationShouldReportWhetherOneWasRemoved() {
    World w = Fixtures.world(storage());
    Delegation d = new Delegation(w.id(), DelegationId.random(), w.info().id(), w.bob().id(), at(0), null);
    storage().useTransaction(s -> s.mailboxes().insertDelegation(d));
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().deleteDelegation(w.id(), d.id())).isTrue();
      assertThat(s.mailboxes().deleteDelegation(w.id(), d.id())).isFalse();
      assertThat(s.mailboxes().delegationsTo(w.id(), w.bob().id())).isEmpty();
    });
  }

  @Test
  default void mailboxesShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    MailboxMember member = new MailboxMember(w.id(), w.info().id(), w.alice().id(), "member");
    Delegation d = new Delegation(w.id(), DelegationId.random(), w.info().id(), w.bob().id(), at(0), null);
    storage().useTransaction(s -> {
      s.mailboxes().putMember(member);
      s.mailboxes().insertDelegation(d);
    });
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().find(other.id(), w.info().id())).isEmpty();
      assertThat(s.mailboxes().list(other.id())).containsExactly(other.info(), other.sales());
      assertThat(s.mailboxes().members(other.id(), w.info().id())).isEmpty();
      assertThat(s.mailboxes().membershipsOf(other.id(), w.alice().id())).isEmpty();
      assertThat(s.mailboxes().delegationsOf(other.id(), w.info().id())).isEmpty();
      assertThat(s.mailboxes().delegationsTo(other.id(), w.bob().id())).isEmpty();
      assertThat(s.mailboxes().removeMember(other.id(), w.info().id(), w.alice().id())).isFalse();
      assertThat(s.mailboxes().deleteDelegation(other.id(), d.id())).isFalse();
    });
    storage().useTransaction(s -> {
      assertThat(s.mailboxes().members(w.id(), w.info().id())).containsExactly(member);
      assertThat(s.mailboxes().delegationsOf(w.id(), w.info().id())).containsExactly(d);
    });
  }
}
