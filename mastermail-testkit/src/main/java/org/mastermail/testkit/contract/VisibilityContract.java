package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.tenant.UserId;

/** Who sees what: own + NA, VIEW_ALL, personal mailboxes, delegations, tenants. */
public interface VisibilityContract extends EngineFixture {
  @Test
  default void inboxShouldShowExactlyOwnAndUnassigned() {
    Office o = newOffice();
    Conversation na = o.open(o.info, "unassigned");
    Conversation mine = o.assignedTo(o.alice, "mine");
    Conversation bobs = o.assignedTo(o.bob, "bob's");
    Conversation otherMailbox = o.open(o.sales, "sales NA");

    assertThat(idsOf(View.INBOX, o.alice)).containsExactlyInAnyOrder(na.id(), mine.id());
    assertThat(idsOf(View.MINE, o.alice)).containsExactly(mine.id());
    assertThat(idsOf(View.UNASSIGNED, o.alice)).containsExactly(na.id());
    assertThat(idsOf(View.INBOX, o.bob)).containsExactlyInAnyOrder(na.id(), bobs.id());
    assertThat(idsOf(View.INBOX, o.carol)).containsExactly(otherMailbox.id());
  }

  @Test
  default void memberShouldNeverSeeColleaguesAssignedConversationWithoutViewAll() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "bob's");

    assertThatThrownBy(() -> o.mm.triage().get(bobs.id(), o.alice)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.triage().tag(bobs.ref(), "peek", o.alice)).isInstanceOf(NotFoundException.class);
    // Alice holds VIEW_ALL in her own personal mailbox only: ALL shows that, never Bob's queue
    assertThat(idsOf(View.ALL, o.alice)).doesNotContain(bobs.id());
    assertThat(idsOf(View.ASSIGNED_TO, ConversationFilter.none().withAssignee(o.bob.user()), o.alice)).isEmpty();
    // Dave has no VIEW_ALL anywhere: the views that need it are refused outright
    Actor dave = o.actor(o.user("dave", "Dave", Role.MEMBER));
    o.mm.admin().mailboxes().addMember(o.info.id(), dave.user(), Role.MEMBER, o.admin);
    assertThat(idsOf(View.INBOX, dave)).doesNotContain(bobs.id());
    assertThatThrownBy(() -> o.mm.triage().list(View.ALL, ConversationFilter.none(), Sort.NEWEST,
        null, 10, dave)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> o.mm.triage().list(View.ASSIGNED_TO, ConversationFilter.none().withAssignee(o.bob.user()),
        Sort.NEWEST, null, 10, dave)).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  default void viewAllShouldShowEveryConversationOfTheMailbox() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "bob's");
    Conversation alices = o.assignedTo(o.alice, "alice's");
    Conversation na = o.open(o.info, "na");

    assertThat(idsOf(View.ALL, o.manager)).containsExactlyInAnyOrder(bobs.id(), alices.id(), na.id());
    assertThat(idsOf(View.ASSIGNED_TO, ConversationFilter.none().withAssignee(o.bob.user()), o.manager))
        .containsExactly(bobs.id());
    assertThat(o.mm.triage().get(bobs.id(), o.manager).conversation().assignee()).isEqualTo(o.bob.user());
  }

  @Test
  default void viewAllGrantedForOneMailboxShouldOpenOnlyThatMailbox() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "bob's");
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.VIEW_ALL, Set.of(), o.admin);

    assertThat(idsOf(View.ALL, o.alice)).contains(bobs.id());
    assertThat(o.mm.triage().get(bobs.id(), o.alice).conversation().id()).isEqualTo(bobs.id());
  }

  @Test
  default void personalMailboxShouldBeInvisibleToEveryoneButItsOwner() {
    Office o = newOffice();
    Conversation privateOne = o.mm.triage().open(o.alicePersonal.id(), "private", o.alice);

    assertThat(idsOf(View.INBOX, o.alice)).contains(privateOne.id());
    for (Actor other : new Actor[] {o.bob, o.manager, o.admin, o.carol}) {
      assertThat(idsOf(View.INBOX, other)).doesNotContain(privateOne.id());
      assertThatThrownBy(() -> o.mm.triage().get(privateOne.id(), other)).isInstanceOf(NotFoundException.class);
    }
    assertThat(idsOf(View.ALL, o.admin)).doesNotContain(privateOne.id());
  }

  @Test
  default void delegateShouldSeePersonalMailboxUntilTheDelegationEnds() {
    Office o = newOffice();
    Conversation privateOne = o.mm.triage().open(o.alicePersonal.id(), "private", o.alice);
    o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), clock().instant().plus(Duration.ofDays(14)),
        o.alice);

    assertThat(idsOf(View.INBOX, o.bob)).contains(privateOne.id());
    Conversation taken = o.mm.triage().take(privateOne.ref(), o.bob);
    assertThat(taken.assignee()).isEqualTo(o.bob.user());

    clock().advance(Duration.ofDays(15));
    assertThat(idsOf(View.INBOX, o.bob)).doesNotContain(privateOne.id());
    assertThatThrownBy(() -> o.mm.triage().get(privateOne.id(), o.bob)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void delegationShouldOpenTheMailboxAtTheDelegatesNextCall() {
    Office o = newOffice();
    Conversation privateOne = o.mm.triage().open(o.alicePersonal.id(), "private", o.alice);
    assertThat(idsOf(View.INBOX, o.bob)).doesNotContain(privateOne.id());
    o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), null, o.alice);

    assertThat(idsOf(View.INBOX, o.bob)).contains(privateOne.id());
  }

  @Test
  default void accessChangedOnOneNodeShouldApplyAtTheNextCallOnAnother() {
    Office o = newOffice();
    MasterMail otherNode = MasterMail.builder().storage(masterMail().storage()).clock(clock()).build();
    Conversation na = o.open(o.info, "NA in info");
    assertThat(otherNode.triage().get(na.id(), o.bob).conversation().id()).isEqualTo(na.id());

    o.mm.admin().mailboxes().removeMember(o.info.id(), o.bob.user(), o.admin);
    assertThatThrownBy(() -> otherNode.triage().get(na.id(), o.bob)).isInstanceOf(NotFoundException.class);
    assertThat(otherNode.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 10, o.bob).items())
        .isEmpty();

    o.mm.admin().users().deactivate(o.alice.user(), o.admin);
    assertThatThrownBy(() -> otherNode.triage().get(na.id(), o.alice)).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  default void delegateShouldNeverSeeAnotherPersonsPersonalMailbox() {
    Office o = newOffice();
    var bobPersonal = o.mm.admin().mailboxes().createPersonal("bob.private@" + o.domain, "Bob", o.bob.user(), o.admin);
    Conversation bobsPrivate = o.mm.triage().open(bobPersonal.id(), "bob private", o.bob);
    o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.carol.user(), null, o.alice);

    assertThat(idsOf(View.INBOX, o.carol)).doesNotContain(bobsPrivate.id());
    assertThatThrownBy(() -> o.mm.triage().get(bobsPrivate.id(), o.carol)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void nonMemberShouldNotSeeASharedMailbox() {
    Office o = newOffice();
    Conversation sales = o.open(o.sales, "sales");

    assertThat(idsOf(View.INBOX, o.alice)).doesNotContain(sales.id());
    assertThatThrownBy(() -> o.mm.triage().take(sales.ref(), o.alice)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void usersOfOneTenantShouldNeverReadOrChangeAnother() {
    Office a = newOffice();
    Office b = newOffice();
    Conversation inA = a.open(a.info, "tenant A");

    assertThatThrownBy(() -> b.mm.triage().get(inA.id(), b.admin)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> b.mm.triage().take(inA.ref(), b.alice)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> b.mm.triage().setStatus(ConversationRef.latest(inA.id()), a.status("archived").id(),
        b.admin)).isInstanceOf(NotFoundException.class);
    assertThat(idsOf(View.ALL, b.admin)).doesNotContain(inA.id());
    // a user id of tenant A presented with tenant B is nobody
    Actor forged = Actor.of(b.setup.tenant().id(), a.alice.user());
    assertThatThrownBy(() -> b.mm.triage().get(inA.id(), forged)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> b.mm.admin().mailboxes().addMember(a.info.id(), b.bob.user(), "member", b.admin))
        .isInstanceOf(NotFoundException.class);
    assertThat(a.reload(inA).version()).isEqualTo(inA.version());
  }

  @Test
  default void unknownOrDeactivatedActorShouldBeRefused() {
    Office o = newOffice();
    Conversation na = o.open(o.info, "na");
    Actor nobody = Actor.of(o.setup.tenant().id(), UserId.random());
    assertThatThrownBy(() -> o.mm.triage().get(na.id(), nobody)).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("unknown user");

    o.mm.admin().users().deactivate(o.bob.user(), o.admin);
    assertThatThrownBy(() -> o.mm.triage().take(na.ref(), o.bob)).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("deactivated");
  }
}
