package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.testkit.storage.Fixtures.at;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** Conversations with their optimistic versions, notes and read marks. */
public interface ConversationStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void insertedConversationShouldBeFoundWithEveryField() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).mailbox(w.sales()).assignee(w.bob()).status(w.waiting())
        .due(at(90), true).tags("vip", "invoice").links(EntityRef.of("contact", "4711"), EntityRef.of("case", "2024/17"))
        .lastActivity(at(5)).insert(storage());
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), c.id()))).contains(c);
  }

  @Test
  default void conversationWithoutOptionalFieldsShouldRoundTrip() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Conversation found = storage().inTransaction(s -> s.conversations().find(w.id(), c.id())).orElseThrow();
    assertThat(found).isEqualTo(c);
    assertThat(found.unassigned()).isTrue();
    assertThat(found.dueAt()).isNull();
    assertThat(found.tags()).isEmpty();
    assertThat(found.links()).isEmpty();
  }

  @Test
  default void updateShouldStoreEveryFieldWhenVersionIsNext() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).tags("old").links(EntityRef.of("contact", "1")).insert(storage());
    Conversation next = c.change().assignee(w.alice().id()).status(w.closed().id()).due(at(30), true)
        .tags(Set.of("new", "other")).links(Set.of(EntityRef.of("order", "77"))).lastActivityAt(at(10)).done();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(next))).isTrue();
    Conversation stored = storage().inTransaction(s -> s.conversations().find(w.id(), c.id())).orElseThrow();
    assertThat(stored).isEqualTo(next);
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  default void updateShouldClearTagsLinksAssigneeAndDue() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).assignee(w.bob()).due(at(3), true).tags("a")
        .links(EntityRef.of("contact", "1")).insert(storage());
    Conversation next = c.change().assignee(null).due(null, false).tags(Set.of()).links(Set.of()).done();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(next))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), c.id()))).contains(next);
  }

  @Test
  default void touchShouldSetLastActivityAndVersionOnlyOncePerConversation() {
    World w = Fixtures.world(storage());
    Conversation tagged = Fixtures.conversation(w).assignee(w.bob()).tags("vip").links(EntityRef.of("contact", "1"))
        .lastActivity(at(1)).insert(storage());
    Conversation changed = Fixtures.conversation(w).insert(storage());
    Conversation changedTwice = changed.change().assignee(w.alice().id()).done();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(changedTwice))).isTrue();
    List<Conversation> touched = storage().inTransaction(s -> s.conversations().touch(w.id(),
        List.of(changed.id(), tagged.id(), ConversationId.random(), changed.id()), at(50)));
    Conversation expectedTagged = tagged.change().lastActivityAt(at(50)).done();
    Conversation expectedChanged = changedTwice.change().lastActivityAt(at(50)).done();
    assertThat(touched).containsExactly(expectedChanged, expectedTagged);
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), tagged.id())))
        .contains(expectedTagged);
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), changed.id())))
        .contains(expectedChanged);
  }

  @Test
  default void touchShouldNotReachIntoAnotherTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation theirs = Fixtures.conversation(other).insert(storage());
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().touch(w.id(), List.of(theirs.id()),
        at(50)))).isEmpty();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(other.id(), theirs.id())))
        .contains(theirs);
  }

  @Test
  default void updateShouldFailWhenVersionIsStale() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Conversation first = c.change().assignee(w.alice().id()).done();
    Conversation second = c.change().assignee(w.bob().id()).done();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(first))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(second))).isFalse();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), c.id()))).contains(first);
  }

  @Test
  default void updateShouldFailWhenVersionSkipsAhead() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Conversation skipping = c.change().assignee(w.alice().id()).done().change().done();
    assertThat(skipping.version()).isEqualTo(3);
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(skipping))).isFalse();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), c.id()))).contains(c);
  }

  @Test
  default void updateShouldReturnFalseForAnUnknownConversation() {
    World w = Fixtures.world(storage());
    Conversation never = Fixtures.conversation(w).build().change().done();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().update(never))).isFalse();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(w.id(), never.id()))).isEmpty();
  }

  @Test
  default void countWithStatusShouldCountTheTenantsConversationsInThatStatus() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Fixtures.conversation(w).status(w.waiting()).insert(storage());
    Fixtures.conversation(w).status(w.waiting()).mailbox(w.sales()).insert(storage());
    Fixtures.conversation(w).status(w.open()).insert(storage());
    Fixtures.conversation(other).status(other.waiting()).insert(storage());
    storage().useTransaction(s -> {
      assertThat(s.conversations().countWithStatus(w.id(), w.waiting().id())).isEqualTo(2);
      assertThat(s.conversations().countWithStatus(w.id(), w.open().id())).isEqualTo(1);
      assertThat(s.conversations().countWithStatus(w.id(), w.closed().id())).isZero();
      assertThat(s.conversations().countWithStatus(other.id(), w.waiting().id())).isZero();
    });
  }

  @Test
  default void replaceStatusShouldMoveEveryConversationAndBumpItsVersion() {
    World w = Fixtures.world(storage());
    Conversation a = Fixtures.conversation(w).status(w.waiting()).insert(storage());
    Conversation b = Fixtures.conversation(w).status(w.waiting()).mailbox(w.sales()).insert(storage());
    Conversation untouched = Fixtures.conversation(w).status(w.open()).insert(storage());
    int moved = storage().inTransaction(s -> s.conversations().replaceStatus(w.id(), w.waiting().id(),
        w.closed().id()));
    assertThat(moved).isEqualTo(2);
    storage().useTransaction(s -> {
      assertThat(s.conversations().find(w.id(), a.id())).contains(a.change().status(w.closed().id()).done());
      assertThat(s.conversations().find(w.id(), b.id())).contains(b.change().status(w.closed().id()).done());
      assertThat(s.conversations().find(w.id(), untouched.id())).contains(untouched);
      assertThat(s.conversations().update(a.change().assignee(w.bob().id()).done())).isFalse();
    });
  }

  @Test
  default void replaceStatusShouldLeaveOtherTenantsAlone() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation theirs = Fixtures.conversation(other).status(other.waiting()).insert(storage());
    int moved = storage().inTransaction(s -> s.conversations().replaceStatus(w.id(), other.waiting().id(),
        w.closed().id()));
    assertThat(moved).isZero();
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().find(other.id(), theirs.id()))).contains(theirs);
  }

  @Test
  default void notesShouldBeListedOldestFirst() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Conversation elsewhere = Fixtures.conversation(w).insert(storage());
    Note late = new Note(w.id(), NoteId.random(), c.id(), w.alice().id(), "third", at(30));
    Note early = new Note(w.id(), NoteId.random(), c.id(), w.bob().id(), "first", at(10));
    Note middle = new Note(w.id(), NoteId.random(), c.id(), w.alice().id(), "second\nwith two lines", at(20));
    Note other = new Note(w.id(), NoteId.random(), elsewhere.id(), w.alice().id(), "other", at(15));
    storage().useTransaction(s -> {
      s.conversations().addNote(late);
      s.conversations().addNote(early);
      s.conversations().addNote(other);
      s.conversations().addNote(middle);
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().notes(w.id(), c.id())))
        .containsExactly(early, middle, late);
  }

  @Test
  default void markReadShouldReplaceAnEarlierMark() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(1)));
    storage().useTransaction(s -> s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(7)));
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().readAt(w.id(), c.id(), w.alice().id())))
        .contains(at(7));
  }

  @Test
  default void markUnreadShouldForgetTheMark() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(1)));
    storage().useTransaction(s -> s.conversations().markUnread(w.id(), c.id(), w.alice().id()));
    storage().useTransaction(s -> {
      assertThat(s.conversations().readAt(w.id(), c.id(), w.alice().id())).isEmpty();
      s.conversations().markUnread(w.id(), c.id(), w.alice().id());
    });
  }

  @Test
  default void readMarksShouldBeKeptPerUser() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(1)));
    storage().useTransaction(s -> {
      assertThat(s.conversations().readAt(w.id(), c.id(), w.alice().id())).contains(at(1));
      assertThat(s.conversations().readAt(w.id(), c.id(), w.bob().id())).isEmpty();
    });
  }

  @Test
  default void aNoteWithoutAuthorShouldRoundTrip() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Note system = new Note(w.id(), NoteId.random(), c.id(), null, "written by a rule", at(1));

    storage().useTransaction(s -> s.conversations().addNote(system));

    storage().useTransaction(s -> assertThat(s.conversations().notes(w.id(), c.id())).containsExactly(system));
  }

  @Test
  default void conversationsShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> {
      s.conversations().addNote(new Note(w.id(), NoteId.random(), c.id(), w.alice().id(), "secret", at(1)));
      s.conversations().markRead(w.id(), c.id(), w.alice().id(), at(1));
    });
    storage().useTransaction(s -> {
      assertThat(s.conversations().find(other.id(), c.id())).isEmpty();
      assertThat(s.conversations().notes(other.id(), c.id())).isEmpty();
      assertThat(s.conversations().readAt(other.id(), c.id(), w.alice().id())).isEmpty();
      assertThat(s.conversations().countWithStatus(other.id(), w.open().id())).isZero();
      s.conversations().markUnread(other.id(), c.id(), w.alice().id());
      assertThat(s.conversations().find(w.id(), ConversationId.random())).isEmpty();
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.conversations().readAt(w.id(), c.id(), w.alice().id())))
        .contains(at(1));
  }
}
