package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.testkit.storage.Fixtures.at;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.event.EventType;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** The append-only audit log: append order, time windows, every field, tenant isolation. */
public interface EventStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void eventsShouldBeListedInAppendOrderEvenWhenTimesDisagree() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Event created = Fixtures.event(w.id(), c.id(), EventType.CONVERSATION_CREATED, at(5));
    Event assigned = Fixtures.event(w.id(), c.id(), EventType.ASSIGNED, at(5));
    Event backdated = Fixtures.event(w.id(), c.id(), EventType.STATUS_CHANGED, at(1));
    Event unrelated = Fixtures.event(w.id(), null, EventType.USER_CHANGED, at(3));
    Event read = Fixtures.event(w.id(), c.id(), EventType.READ, at(2));
    storage().useTransaction(s -> {
      s.events().append(created);
      s.events().append(assigned);
      s.events().append(backdated);
      s.events().append(unrelated);
    });
    storage().useTransaction(s -> s.events().append(read));
    assertThat(storage().inTransaction((StorageSession s) -> s.events().listByConversation(w.id(), c.id())))
        .containsExactly(created, assigned, backdated, read);
  }

  @Test
  default void appendAllShouldKeepOrderAndEveryField() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Event sent = new Event(w.id(), EventId.random(), EventType.MESSAGE_SENT, c.id(), w.alice().id(), at(4), null,
        "abc@example.com", 3);
    Event later = Fixtures.event(w.id(), c.id(), EventType.READ, at(2));
    storage().useTransaction(s -> s.events().appendAll(List.of(sent, later)));
    storage().useTransaction(s -> s.events().appendAll(List.of()));
    assertThat(storage().inTransaction((StorageSession s) -> s.events().listByConversation(w.id(), c.id())))
        .containsExactly(sent, later);
  }

  @Test
  default void eventsShouldKeepEveryField() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Event full = new Event(w.id(), EventId.random(), EventType.STATUS_CHANGED, c.id(), w.alice().id(), at(4), "open",
        "waiting", 7);
    storage().useTransaction(s -> s.events().append(full));
    assertThat(storage().inTransaction((StorageSession s) -> s.events().listByConversation(w.id(), c.id()))).containsExactly(full);
  }

  @Test
  default void listBetweenShouldIncludeFromExcludeToAndKeepAppendOrder() {
    World w = Fixtures.world(storage());
    Event before = Fixtures.event(w.id(), null, EventType.TENANT_CREATED, at(9));
    Event atFrom = Fixtures.event(w.id(), null, EventType.USER_CHANGED, at(10));
    Event atTo = Fixtures.event(w.id(), null, EventType.MAILBOX_CHANGED, at(20));
    Event inside = Fixtures.event(w.id(), null, EventType.PERMISSION_CHANGED, at(15));
    Event insideEarlier = Fixtures.event(w.id(), null, EventType.MEMBERSHIP_CHANGED, at(11));
    storage().useTransaction(s -> {
      s.events().append(before);
      s.events().append(atFrom);
      s.events().append(atTo);
      s.events().append(inside);
      s.events().append(insideEarlier);
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.events().listBetween(w.id(), at(10), at(20))))
        .containsExactly(atFrom, inside, insideEarlier);
  }

  @Test
  default void eventsShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.events().append(Fixtures.event(w.id(), c.id(), EventType.ASSIGNED, at(1))));
    storage().useTransaction(s -> {
      assertThat(s.events().listByConversation(other.id(), c.id())).isEmpty();
      assertThat(s.events().listBetween(other.id(), at(0), at(60))).isEmpty();
      assertThat(s.events().listBetween(w.id(), at(0), at(60))).hasSize(1);
    });
  }
}
