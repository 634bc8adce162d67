package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.at;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mastermail.blob.BlobId;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/** Message metadata: order within a conversation and the unique Message-ID per mailbox. */
public interface MessageStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  private static MessageMeta message(Conversation c, Mailbox mailbox, @Nullable String header, Instant at) {
    return new MessageMeta(c.tenant(), MessageId.random(), c.id(), mailbox.id(), Direction.INCOMING, header,
        "customer@example.org", List.of(mailbox.address(), "cc@example.org"), "Re: " + c.subject(), at, 2048,
        "Zofia Żółkiewicz");
  }

  @Test
  default void messagesShouldBeListedOldestFirstWithEveryField() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    Conversation elsewhere = Fixtures.conversation(w).insert(storage());
    MessageMeta second = message(c, w.info(), "b@example.org", at(20));
    MessageMeta first = message(c, w.info(), "a@example.org", at(10));
    MessageMeta reply = new MessageMeta(w.id(), MessageId.random(), c.id(), w.info().id(), Direction.OUTGOING, null,
        "info@example.com", List.of("customer@example.org"), "Re: hello", at(30), 512);
    storage().useTransaction(s -> {
      s.messages().insert(second);
      s.messages().insert(reply);
      s.messages().insert(first);
      s.messages().insert(message(elsewhere, w.info(), "c@example.org", at(15)));
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.messages().listByConversation(w.id(), c.id())))
        .containsExactly(first, second, reply);
  }

  private static MessageContent content(MessageMeta m, String text) {
    BlobId sha = BlobId.ofDigest(Arrays.copyOf(m.id().value().toString().getBytes(
        StandardCharsets.US_ASCII), 32));
    return new MessageContent(m.tenant(), m.id(), m.mailbox(), sha, sha, "hello", m.receivedAt(),
        List.of("cc@example.org"), null, List.of(), text, false, null, List.of(), List.of());
  }

  @Test
  default void insertAllShouldStoreEachMessageWithItsContent() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    MessageMeta first = message(c, w.info(), "one@example.org", at(10));
    MessageMeta second = message(c, w.info(), null, at(20));
    storage().useTransaction(s -> s.messages().insertAll(List.of(first, second),
        List.of(content(first, "first body"), content(second, "second body"))));
    storage().useTransaction(s -> s.messages().insertAll(List.of(), List.of()));
    storage().useTransaction(s -> {
      assertThat(s.messages().listByConversation(w.id(), c.id())).containsExactly(first, second);
      assertThat(s.messages().content(w.id(), first.id()).orElseThrow().text()).isEqualTo("first body");
      assertThat(s.messages().content(w.id(), second.id()).orElseThrow().rawSha256())
          .isEqualTo(content(second, "").rawSha256());
      assertThat(s.messages().findByMessageIds(w.id(), w.info().id(), List.of("one@example.org")))
          .containsExactly(first);
    });
  }

  @Test
  default void insertAllShouldFailWhenAMessageIdHeaderIsTaken() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    MessageMeta original = message(c, w.info(), "same@example.org", at(1));
    storage().useTransaction(s -> s.messages().insert(original));
    MessageMeta fresh = message(c, w.info(), "fresh@example.org", at(2));
    MessageMeta repeat = message(c, w.info(), "same@example.org", at(3));
    assertThatThrownBy(() -> storage().useTransaction(s -> s.messages().insertAll(List.of(fresh, repeat),
        List.of(content(fresh, "a"), content(repeat, "b"))))).isInstanceOf(DuplicateKeyException.class);
    assertThat(storage().inTransaction((StorageSession s) -> s.messages().listByConversation(w.id(), c.id())))
        .containsExactly(original);
  }

  @Test
  default void messageIdHeaderShouldBeUniquePerMailbox() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    MessageMeta original = message(c, w.info(), "same@example.org", at(1));
    storage().useTransaction(s -> s.messages().insert(original));
    assertThatThrownBy(() -> storage().useTransaction(s -> s.messages().insert(message(c, w.info(), "same@example.org",
        at(2))))).isInstanceOf(DuplicateKeyException.class).message().isNotBlank();
    assertThat(storage().inTransaction((StorageSession s) -> s.messages().listByConversation(w.id(), c.id())))
        .containsExactly(original);
  }

  @Test
  default void sameMessageIdHeaderShouldBeAllowedInAnotherMailboxOrTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation inInfo = Fixtures.conversation(w).insert(storage());
    Conversation inSales = Fixtures.conversation(w).mailbox(w.sales()).insert(storage());
    Conversation theirs = Fixtures.conversation(other).insert(storage());
    storage().useTransaction(s -> {
      s.messages().insert(message(inInfo, w.info(), "shared@example.org", at(1)));
      s.messages().insert(message(inSales, w.sales(), "shared@example.org", at(1)));
      s.messages().insert(message(theirs, other.info(), "shared@example.org", at(1)));
    });
    storage().useTransaction(s -> {
      assertThat(s.messages().listByConversation(w.id(), inInfo.id())).hasSize(1);
      assertThat(s.messages().listByConversation(w.id(), inSales.id())).hasSize(1);
      assertThat(s.messages().listByConversation(other.id(), theirs.id())).hasSize(1);
    });
  }

  @Test
  default void messagesWithoutMessageIdHeaderShouldNeverCollide() {
    World w = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> {
      s.messages().insert(message(c, w.info(), null, at(1)));
      s.messages().insert(message(c, w.info(), null, at(2)));
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.messages().listByConversation(w.id(), c.id()))).hasSize(2);
  }

  @Test
  default void messagesShouldBeInvisibleToOtherTenants() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Conversation c = Fixtures.conversation(w).insert(storage());
    storage().useTransaction(s -> s.messages().insert(message(c, w.info(), "x@example.org", at(1))));
    assertThat(storage().inTransaction((StorageSession s) -> s.messages().listByConversation(other.id(), c.id()))).isEmpty();
  }
}
