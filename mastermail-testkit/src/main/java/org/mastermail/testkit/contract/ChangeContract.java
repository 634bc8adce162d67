package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.permission.Permission;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.tenant.UserId;

/** Versions, events, collisions, listeners, and bad input that changes nothing. */
public interface ChangeContract extends EngineFixture {
  @Test
  default void everyChangeShouldAppendAnEventAndBumpTheVersion() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    Conversation taken = o.mm.triage().take(c.ref(), o.alice);
    Conversation status = o.mm.triage().setStatus(taken.ref(), o.status(DefaultStatuses.IN_PROGRESS).id(), o.alice);

    assertThat(List.of(c.version(), taken.version(), status.version())).containsExactly(1L, 2L, 3L);
    List<Event> history = o.mm.triage().history(c.id(), o.alice);
    assertThat(history).extracting(Event::type)
        .containsExactly(EventType.CONVERSATION_CREATED, EventType.ASSIGNED, EventType.STATUS_CHANGED);
    Event assigned = history.get(1);
    assertThat(assigned.actor()).isEqualTo(o.alice.user());
    assertThat(assigned.before()).isNull();
    assertThat(assigned.after()).isEqualTo(o.alice.user().toString());
    assertThat(assigned.at()).isEqualTo(clock().instant());
    assertThat(history.get(2).before()).isEqualTo("received");
    assertThat(history.get(2).after()).isEqualTo("in progress");
  }

  @Test
  default void twoActorsChangingTheSameVersionShouldLeaveOneWinnerAndOneConflict() {
    Office o = newOffice();
    Conversation seenByBoth = o.open(o.info, "x");

    Conversation won = o.mm.triage().take(seenByBoth.ref(), o.alice);
    assertThatThrownBy(() -> o.mm.triage().take(seenByBoth.ref(), o.bob)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed by someone else");
    assertThatThrownBy(() -> o.mm.triage().tag(seenByBoth.ref(), "x", o.manager))
        .isInstanceOf(ConflictException.class);
    Conversation now = o.reload(seenByBoth);
    assertThat(now.assignee()).isEqualTo(o.alice.user());
    assertThat(now.version()).isEqualTo(won.version());
    assertThat(now.tags()).isEmpty();
  }

  @Test
  default void concurrentTakesShouldAssignExactlyOnce() throws Exception {
    Office o = newOffice();
    Conversation c = o.open(o.info, "race");
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<UserId> winners = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (var who : List.of(o.alice, o.bob)) {
      threads.add(new Thread(() -> {
        try {
          winners.add(o.mm.triage().take(c.ref(), who).assignee());
        } catch (ConflictException e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(winners).hasSize(1);
    assertThat(failures).hasSize(1);
    assertThat(o.reload(c).assignee()).isEqualTo(winners.get(0));
    assertThat(o.mm.triage().history(c.id(), o.admin)).filteredOn(e -> e.type() == EventType.ASSIGNED).hasSize(1);
  }

  @Test
  default void listenersShouldHearOnlyCommittedChanges() {
    List<Event> heard = new CopyOnWriteArrayList<>();
    MasterMail withListener = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .listener(heard::addAll).build();
    Office o = Office.create(withListener);
    heard.clear();
    Conversation c = o.open(o.info, "x");
    assertThat(heard).extracting(Event::type).containsExactly(EventType.CONVERSATION_CREATED);

    heard.clear();
    assertThatThrownBy(() -> withListener.triage().setStatus(c.ref(), o.status("archived").id(), o.carol))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> withListener.admin().mailboxes().createShared(o.info.address(), "dup", o.admin))
        .isInstanceOf(ConflictException.class);
    assertThat(heard).isEmpty();
  }

  @Test
  default void listenerFailureShouldNotUndoTheChange() {
    MasterMail failing = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .listener(events -> {
          throw new IllegalStateException("host is down");
        }).build();
    Office o = Office.create(failing);
    Conversation c = o.open(o.info, "x");
    assertThat(failing.triage().take(c.ref(), o.alice).assignee()).isEqualTo(o.alice.user());
    assertThat(o.reload(c).assignee()).isEqualTo(o.alice.user());
  }

  @Test
  default void unknownIdsShouldBeReportedAsNotFound() {
    Office o = newOffice();
    ConversationRef ghost = ConversationRef.latest(ConversationId.random());
    assertThatThrownBy(() -> o.mm.triage().take(ghost, o.alice)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(ghost.id().toString());
    assertThatThrownBy(() -> o.mm.triage().assign(o.open(o.info, "x").ref(), UserId.random(), o.manager))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("user");
    assertThatThrownBy(() -> o.mm.admin().mailboxes().addMember(o.info.id(), UserId.random(), "member", o.admin))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.admin().mailboxes().addMember(o.info.id(), o.carol.user(), "nobody", o.admin))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("role 'nobody'");
  }

  @Test
  default void badInputShouldGetAClearErrorAndChangeNothing() {
    Office o = newOffice();
    int mailboxes = o.mm.admin().mailboxes().list(o.admin).size();
    int users = o.mm.admin().users().list(o.admin).size();

    assertThatThrownBy(() -> o.mm.admin().mailboxes().createShared("  ", "x", o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mailbox address must not be blank");
    assertThatThrownBy(() -> o.mm.admin().mailboxes().createShared("not an address", "x", o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid e-mail address");
    assertThatThrownBy(() -> o.mm.admin().mailboxes().createShared("new@" + o.domain, " ", o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mailbox name");
    assertThatThrownBy(() -> o.mm.admin().mailboxes().createShared(o.info.address().toUpperCase(), "dup", o.admin))
        .isInstanceOf(ConflictException.class).hasMessageContaining(o.info.address());
    assertThatThrownBy(() -> o.mm.admin().users().create("alice@" + o.domain, "Alice 2", "member", o.admin))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> o.mm.admin().users().create("eve@" + o.domain, "Eve\r\nBcc: x", "member", o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("control characters");
    assertThatThrownBy(() -> o.mm.admin().permissions().grant(o.bob.user(), null,
        Permission.TAKE, Set.of(o.status("archived").id()), o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("only narrow SET_STATUS");

    assertThat(o.mm.admin().mailboxes().list(o.admin)).hasSize(mailboxes);
    assertThat(o.mm.admin().users().list(o.admin)).hasSize(users);
  }

  @Test
  default void blankTagsAndNotesShouldBeRefused() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    assertThatThrownBy(() -> o.mm.triage().tag(c.ref(), " ", o.alice)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tag");
    assertThatThrownBy(() -> o.mm.triage().addNote(c.id(), "", o.alice)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("note");
    assertThat(o.reload(c).version()).isEqualTo(c.version());
  }
}
