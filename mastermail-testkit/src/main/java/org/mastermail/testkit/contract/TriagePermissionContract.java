package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.permission.Permission;

/** Each triage operation, once allowed and once refused. */
public interface TriagePermissionContract extends EngineFixture {
  @Test
  default void memberShouldTakeAnUnassignedConversation() {
    Office o = newOffice();
    Conversation c = o.mm.triage().take(o.open(o.info, "x").ref(), o.alice);
    assertThat(c.assignee()).isEqualTo(o.alice.user());
  }

  @Test
  default void takeShouldFailWithoutTakePermission() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    o.mm.admin().permissions().deny(o.alice.user(), o.info.id(), Permission.TAKE, Set.of(), o.admin);
    assertThatThrownBy(() -> o.mm.triage().take(c.ref(), o.alice)).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("TAKE");
    assertThat(o.reload(c).assignee()).isNull();
  }

  @Test
  default void takeShouldFailWhenConversationIsAssignedToSomeoneElse() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "x");
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.VIEW_ALL, Set.of(), o.admin);
    assertThatThrownBy(() -> o.mm.triage().take(bobs.ref(), o.alice)).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("REASSIGN");
    assertThat(o.mm.triage().take(bobs.ref(), o.manager).assignee()).isEqualTo(o.manager.user());
  }

  @Test
  default void assignShouldNeedAssignPermission() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    assertThatThrownBy(() -> o.mm.triage().assign(c.ref(), o.bob.user(), o.alice))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("ASSIGN");
    assertThat(o.mm.triage().assign(c.ref(), o.bob.user(), o.manager).assignee()).isEqualTo(o.bob.user());
  }

  @Test
  default void assignShouldRefuseSomeoneWhoCannotSeeTheMailbox() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    assertThatThrownBy(() -> o.mm.triage().assign(c.ref(), o.carol.user(), o.manager))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot see mailbox");
    assertThat(o.reload(c).assignee()).isNull();
  }

  @Test
  default void reassignShouldNeedReassignPermission() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "x");
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.ASSIGN, Set.of(), o.admin);
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.VIEW_ALL, Set.of(), o.admin);
    assertThatThrownBy(() -> o.mm.triage().reassign(bobs.ref(), o.alice.user(), o.alice))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("REASSIGN");
    assertThat(o.mm.triage().reassign(bobs.ref(), o.alice.user(), o.manager).assignee()).isEqualTo(o.alice.user());
  }

  @Test
  default void assignShouldNotMoveAColleaguesConversation() {
    Office o = newOffice();
    Conversation bobs = o.assignedTo(o.bob, "x");
    assertThatThrownBy(() -> o.mm.triage().assign(bobs.ref(), o.alice.user(), o.manager))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reassign");
  }

  @Test
  default void unassignShouldFreeOwnButNeedReassignForAColleagues() {
    Office o = newOffice();
    Conversation mine = o.assignedTo(o.alice, "mine");
    Conversation bobs = o.assignedTo(o.bob, "bob's");
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.VIEW_ALL, Set.of(), o.admin);

    assertThat(o.mm.triage().unassign(mine.ref(), o.alice).assignee()).isNull();
    assertThatThrownBy(() -> o.mm.triage().unassign(bobs.ref(), o.alice))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(o.mm.triage().unassign(bobs.ref(), o.manager).assignee()).isNull();
  }

  @Test
  default void setStatusShouldNeedSetStatusPermission() {
    Office o = newOffice();
    Conversation c = o.assignedTo(o.alice, "x");
    var inProgress = o.status("in progress");
    o.mm.admin().permissions().deny(o.bob.user(), null, Permission.SET_STATUS, Set.of(), o.admin);
    Conversation bobs = o.assignedTo(o.bob, "y");

    assertThat(o.mm.triage().setStatus(c.ref(), inProgress.id(), o.alice).status()).isEqualTo(inProgress.id());
    assertThatThrownBy(() -> o.mm.triage().setStatus(bobs.ref(), inProgress.id(), o.bob))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("SET_STATUS");
  }

  @Test
  default void setDueShouldBeForTheAssigneeOrSomeoneWhoAssigns() {
    Office o = newOffice();
    Conversation c = o.assignedTo(o.alice, "x");
    Instant due = clock().instant().plusSeconds(3600);
    Conversation na = o.open(o.info, "na");

    assertThat(o.mm.triage().setDue(c.ref(), due, true, o.alice).dueAt()).isEqualTo(due);
    assertThatThrownBy(() -> o.mm.triage().setDue(na.ref(), due, false, o.bob))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("ASSIGN");
    assertThat(o.mm.triage().setDue(na.ref(), due, false, o.manager).urgent()).isFalse();
  }

  @Test
  default void tagLinkNoteAndReadShouldNeedOnlyVisibility() {
    Office o = newOffice();
    Conversation na = o.open(o.info, "na");
    Conversation tagged = o.mm.triage().tag(na.ref(), "invoice", o.bob);
    Conversation c = o.mm.triage().link(tagged.ref(), EntityRef.of("contact", "42"), o.bob);
    o.mm.triage().addNote(c.id(), "called back", o.bob);
    o.mm.triage().markRead(c.id(), o.bob);

    var details = o.mm.triage().get(c.id(), o.bob);
    assertThat(details.conversation().tags()).containsExactly("invoice");
    assertThat(details.conversation().links()).containsExactly(EntityRef.of("contact", "42"));
    assertThat(details.notes()).extracting(n -> n.body()).containsExactly("called back");
    assertThat(details.unread()).isFalse();

    assertThatThrownBy(() -> o.mm.triage().tag(na.ref(), "x", o.carol)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.triage().addNote(na.id(), "x", o.carol)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.triage().markRead(na.id(), o.carol)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.triage().link(c.ref(), EntityRef.of("contact", "1"), o.carol))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  default void readMarksShouldBePerUser() {
    Office o = newOffice();
    Conversation na = o.open(o.info, "na");
    o.mm.triage().markRead(na.id(), o.alice);
    assertThat(o.mm.triage().get(na.id(), o.alice).unread()).isFalse();
    assertThat(o.mm.triage().get(na.id(), o.bob).unread()).isTrue();
    o.mm.triage().markUnread(na.id(), o.alice);
    assertThat(o.mm.triage().get(na.id(), o.alice).unread()).isTrue();
  }

  @Test
  default void openShouldNeedAVisibleMailbox() {
    Office o = newOffice();
    assertThatThrownBy(() -> o.mm.triage().open(o.sales.id(), "x", o.alice)).isInstanceOf(NotFoundException.class);
    assertThat(o.mm.triage().open(o.info.id(), "x", o.alice).unassigned()).isTrue();
  }
}
