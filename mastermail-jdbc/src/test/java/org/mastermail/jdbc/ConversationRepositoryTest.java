package org.mastermail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.status.StatusId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.tenant.UserId;

class ConversationRepositoryTest {
  private final Fixtures f = new Fixtures();
  private final JdbcStorage storage = Fixtures.newStorage();
  private final MailboxId mailbox = MailboxId.random();
  private final UserId anna = UserId.random();

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void conversationShouldRoundTripWithTagsLinksAndDueDate() {
    Conversation c = f.conversation(mailbox, anna, Fixtures.T0).change()
        .tags(Set.of("vip", "invoice"))
        .links(Set.of(EntityRef.of("contact", "4711"), EntityRef.of("case", "2024/17")))
        .due(Fixtures.T0.plus(Duration.ofDays(1)), true)
        .done();
    Conversation stored = new Conversation(c.tenant(), c.id(), c.mailbox(), c.subject(), c.assignee(), c.status(),
        c.dueAt(), c.urgent(), c.tags(), c.links(), c.createdAt(), c.lastActivityAt(), 1);
    storage.useTransaction(s -> s.conversations().insert(stored));
    var found = Fixtures.read(storage, s -> s.conversations().find(f.tenant, c.id()));
    assertThat(found).contains(stored);
  }

  @Test
  void updateShouldApplyOnlyOnTheNextVersion() {
    Conversation v1 = f.conversation(mailbox, null, Fixtures.T0).change().tags(Set.of("a", "b")).done();
    storage.useTransaction(s -> s.conversations().insert(v1));
    Conversation v2 = v1.change().assignee(anna).tags(Set.of("b", "c")).links(Set.of(EntityRef.of("order", "9")))
        .lastActivityAt(Fixtures.T0.plusSeconds(60)).done();
    Conversation stale = v1.change().status(StatusId.random()).done();
    storage.useTransaction(s -> {
      assertThat(s.conversations().update(v2)).isTrue();
      assertThat(s.conversations().update(stale)).isFalse();
      assertThat(s.conversations().update(v2)).isFalse();
    });
    var current = Fixtures.read(storage, s -> s.conversations().find(f.tenant, v1.id()));
    assertThat(current).contains(v2);
  }

  @Test
  void replaceStatusShouldMoveEveryConversationAndBumpItsVersion() {
    Conversation one = f.conversation(mailbox, null, Fixtures.T0);
    Conversation two = f.conversation(mailbox, anna, Fixtures.T0);
    StatusId archived = StatusId.random();
    storage.useTransaction(s -> {
      s.conversations().insert(one);
      s.conversations().insert(two);
      assertThat(s.conversations().countWithStatus(f.tenant, f.received)).isEqualTo(2);
      assertThat(s.conversations().replaceStatus(f.tenant, f.received, archived)).isEqualTo(2);
      assertThat(s.conversations().countWithStatus(f.tenant, f.received)).isZero();
      Conversation moved = s.conversations().find(f.tenant, one.id()).orElseThrow();
      assertThat(moved.status()).isEqualTo(archived);
      assertThat(moved.version()).isEqualTo(one.version() + 1);
    });
  }

  @Test
  void notesShouldComeOldestFirstAndInAppendOrderWithinAnInstant() {
    ConversationId id = ConversationId.random();
    Note late = new Note(f.tenant, NoteId.random(), id, anna, "late", Fixtures.T0.plusSeconds(5));
    Note first = new Note(f.tenant, NoteId.random(), id, anna, "first", Fixtures.T0);
    Note second = new Note(f.tenant, NoteId.random(), id, anna, "second", Fixtures.T0);
    storage.useTransaction(s -> {
      s.conversations().addNote(late);
      s.conversations().addNote(first);
      s.conversations().addNote(second);
    });
    var notes = Fixtures.read(storage, s -> s.conversations().notes(f.tenant, id));
    assertThat(notes).containsExactly(first, second, late);
  }

  @Test
  void readMarksShouldBeReplacedAndForgotten() {
    ConversationId id = ConversationId.random();
    Instant later = Fixtures.T0.plusMillis(1);
    storage.useTransaction(s -> {
      assertThat(s.conversations().readAt(f.tenant, id, anna)).isEmpty();
      s.conversations().markRead(f.tenant, id, anna, Fixtures.T0);
      s.conversations().markRead(f.tenant, id, anna, later);
      assertThat(s.conversations().readAt(f.tenant, id, anna)).contains(later);
      s.conversations().markUnread(f.tenant, id, anna);
      assertThat(s.conversations().readAt(f.tenant, id, anna)).isEmpty();
    });
  }

  @Test
  void instantsShouldKeepMicrosecondsAndDropFinerParts() {
    ConversationId id = ConversationId.random();
    storage.useTransaction(s -> s.conversations().markRead(f.tenant, id, anna, Fixtures.T0.plusNanos(123_456_789)));
    var readAt = Fixtures.read(storage, s -> s.conversations().readAt(f.tenant, id, anna));
    assertThat(readAt)
        .contains(Fixtures.T0.plusNanos(123_456_000));
  }

  @Test
  void messagesShouldComeOldestFirstWithRecipientsInOrder() {
    ConversationId conversation = ConversationId.random();
    MessageMeta reply = message(conversation, "b@x", Fixtures.T0.plusSeconds(10), List.of("info@example.com"));
    MessageMeta original = message(conversation, "a@x", Fixtures.T0, List.of("z@example.com", "a@example.com"));
    MessageMeta noHeader = message(conversation, null, Fixtures.T0.plusSeconds(20), List.of());
    MessageMeta alsoNoHeader = message(conversation, null, Fixtures.T0.plusSeconds(30), List.of());
    storage.useTransaction(s -> {
      s.messages().insert(reply);
      s.messages().insert(original);
      s.messages().insert(noHeader);
      s.messages().insert(alsoNoHeader);
    });
    var messages = Fixtures.read(storage, s -> s.messages().listByConversation(f.tenant, conversation));
    assertThat(messages)
        .containsExactly(original, reply, noHeader, alsoNoHeader);
  }

  @Test
  void sameMessageIdInTheSameMailboxShouldBeADuplicate() {
    ConversationId conversation = ConversationId.random();
    storage.useTransaction(s -> s.messages().insert(message(conversation, "a@x", Fixtures.T0, List.of())));
    storage.useTransaction(s -> assertThatThrownBy(
        () -> s.messages().insert(message(conversation, "a@x", Fixtures.T0, List.of())))
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("Message-ID <a@x>"));
    var messages = Fixtures.read(storage, s -> s.messages().listByConversation(f.tenant, conversation));
    assertThat(messages).hasSize(1);
  }

  @Test
  void eventsShouldListInAppendOrder() {
    ConversationId conversation = ConversationId.random();
    Event created = event(EventType.CONVERSATION_CREATED, conversation, Fixtures.T0.plusSeconds(1), null);
    Event assigned = event(EventType.ASSIGNED, conversation, Fixtures.T0, "anna");
    Event admin = event(EventType.USER_CHANGED, null, Fixtures.T0.plusSeconds(2), null);
    storage.useTransaction(s -> {
      s.events().append(created);
      s.events().append(assigned);
      s.events().append(admin);
    });
    storage.useTransaction(s -> {
      assertThat(s.events().listByConversation(f.tenant, conversation)).containsExactly(created, assigned);
      assertThat(s.events().listBetween(f.tenant, Fixtures.T0, Fixtures.T0.plusSeconds(2)))
          .containsExactly(created, assigned);
      assertThat(s.events().listBetween(f.tenant, Fixtures.T0.plusSeconds(1), Fixtures.T0.plusSeconds(3)))
          .containsExactly(created, admin);
    });
  }

  private MessageMeta message(ConversationId conversation, String header, Instant at, List<String> to) {
    return new MessageMeta(f.tenant, MessageId.random(), conversation, mailbox, Direction.INCOMING, header,
        "customer@example.org", to, "Hello", at, 1234);
  }

  private Event event(EventType type, ConversationId conversation, Instant at, String after) {
    return new Event(f.tenant, EventId.random(), type, conversation, anna, at, null, after, 2);
  }
}
