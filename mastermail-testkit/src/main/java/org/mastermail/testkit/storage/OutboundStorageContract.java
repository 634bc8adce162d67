package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.at;
import static org.mastermail.testkit.storage.OutboundFixtures.blob;
import static org.mastermail.testkit.storage.OutboundFixtures.outgoing;
import static org.mastermail.testkit.storage.OutboundFixtures.template;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.ConversationId;
import org.mastermail.message.MessageId;
import org.mastermail.outbound.Delivery;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.OutboundKeyset;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.World;

/**
 * Outbound messages with optimistic versions and their listings, sending accounts and templates. The dispatcher's
 * queue is {@link OutboundQueueContract}.
 */
public interface OutboundStorageContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  @Test
  default void outboundMessageShouldBeFoundWithEveryField() {
    World w = Fixtures.world(storage());
    Letter letter = new Letter("info@example.com", "Büro Zürich «Info»", "replies@example.com",
        List.of("anna@acme.example", "bob@acme.example"), List.of("carol@acme.example"),
        List.of("audit@acme.example", "boss@acme.example"), "Grüße aus Zürich — 日本語 ✉ 😀",
        "Hallo Anna,\n\nanbei die Rechnung.\r\n-- \nBüro", "<p>Hallo <b>Anna</b> 😀</p>", "abc@mail.acme.example",
        List.of("root@acme.example", "abc@mail.acme.example"),
        List.of(new OutboundAttachment("Rechnung März.pdf", "application/pdf", blob(), 12_345),
            new OutboundAttachment("odd\tname\\with\r\nbreaks\\t.txt", "text/plain; charset=utf-8", blob(), 0)),
        true);
    Delivery delivery = new Delivery(OutboundState.FAILED, "0f3c.1@mail.example.com", blob(), 54_321, 3, at(5),
        "550 5.1.1 <anna@acme.example>: user unknown", "node-1", at(6), at(7), MessageId.random());
    OutboundMessage m = new OutboundMessage(w.id(), OutboundId.random(), w.info().id(), ConversationId.random(),
        w.alice().id(), letter, delivery, at(1), at(2), 7);

    storage().useTransaction(s -> s.outbound().insert(m));

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), m.id()))).contains(m);
  }

  @Test
  default void outboundMessageShouldKeepAbsentFieldsAbsent() {
    World w = Fixtures.world(storage());
    Letter letter = new Letter("info@example.com", null, null, List.of(), List.of(), List.of(), "", "", null, null,
        List.of(), List.of(), false);
    OutboundMessage m = new OutboundMessage(w.id(), OutboundId.random(), w.info().id(), null, null, letter,
        Delivery.draft(), at(1), at(1), 1);

    storage().useTransaction(s -> s.outbound().insert(m));

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), m.id()))).contains(m);
  }

  @Test
  default void outboundMessageShouldBeInsertedOnceAndSeenByItsTenantOnly() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    OutboundMessage m = outgoing(w).insert(storage());

    assertThatThrownBy(() -> storage().useTransaction(s -> s.outbound().insert(m)))
        .isInstanceOf(DuplicateKeyException.class);
    storage().useTransaction(s -> {
      assertThat(s.outbound().find(other.id(), m.id())).isEmpty();
      assertThat(s.outbound().find(w.id(), OutboundId.random())).isEmpty();
    });
  }

  @Test
  default void outboundUpdateShouldSucceedOnlyAgainstTheVersionStored() {
    World w = Fixtures.world(storage());
    OutboundMessage draft = outgoing(w).insert(storage());
    OutboundMessage edited = draft.with(w.sales().id(), letter(draft, "Edited"), at(1));
    OutboundMessage rival = draft.with(w.info().id(), letter(draft, "Rival"), at(2));
    OutboundMessage skipping = edited.with(Delivery.draft(), at(3)).with(Delivery.draft(), at(4));

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().update(edited))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().update(rival))).isFalse();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().update(skipping))).isFalse();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().update(outgoing(w).build()))).isFalse();

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), draft.id()))).contains(edited);
  }

  @Test
  default void outboundUpdateDeliveriesShouldStoreTheNewDeliveriesAndTellWhichWereStored() {
    World w = Fixtures.world(storage());
    OutboundMessage first = outgoing(w).insert(storage());
    OutboundMessage second = outgoing(w).insert(storage());
    OutboundMessage third = outgoing(w).insert(storage());
    OutboundMessage firstQueued = first.with(OutboundFixtures.queued(at(5)), at(1));
    OutboundMessage secondStale = second.with(Delivery.draft(), at(2)).with(Delivery.draft(), at(3));
    OutboundMessage thirdSending = third.with(OutboundFixtures.queued(at(5)).claimed("node-a", at(9)), at(4));
    OutboundMessage missing = outgoing(w).build().with(Delivery.draft(), at(4));

    boolean[] updated = storage().inTransaction((StorageSession s) -> s.outbound().updateDeliveries(
        List.of(firstQueued, secondStale, thirdSending, missing)));

    assertThat(updated).containsExactly(true, false, true, false);
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().updateDeliveries(List.of()))).isEmpty();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), first.id())))
        .contains(firstQueued);
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), second.id())))
        .contains(second);
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), third.id())))
        .contains(thirdSending);
  }

  @Test
  default void outboundUpdateAllShouldTellWhichWereStored() {
    World w = Fixtures.world(storage());
    OutboundMessage first = outgoing(w).insert(storage());
    OutboundMessage second = outgoing(w).insert(storage());
    OutboundMessage firstSent = first.with(ConversationId.random(), OutboundFixtures.queued(at(5)), at(1));
    OutboundMessage secondStale = second.with(Delivery.draft(), at(2)).with(Delivery.draft(), at(3));
    OutboundMessage missing = outgoing(w).build().with(Delivery.draft(), at(4));

    boolean[] updated = storage().inTransaction((StorageSession s) -> s.outbound().updateAll(List.of(firstSent,
        secondStale, missing)));

    assertThat(updated).containsExactly(true, false, false);
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().updateAll(List.of()))).isEmpty();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), first.id())))
        .contains(firstSent);
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), second.id())))
        .contains(second);
  }

  @Test
  default void outboundUpdateShouldStoreTheNewConversationAndDelivery() {
    World w = Fixtures.world(storage());
    OutboundMessage draft = outgoing(w).insert(storage());
    OutboundMessage queued = draft.with(ConversationId.random(), OutboundFixtures.queued(at(5)), at(1));
    OutboundMessage sent = queued.with(queued.delivery().claimed("node-1", at(7)).sent(at(8), MessageId.random()),
        at(8));

    storage().useTransaction(s -> {
      assertThat(s.outbound().update(queued)).isTrue();
      assertThat(s.outbound().update(sent)).isTrue();
    });

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().find(w.id(), draft.id()))).contains(sent);
  }

  @Test
  default void failedUnitOfWorkShouldLeaveNoOutboundChangeBehind() {
    World w = Fixtures.world(storage());
    OutboundMessage draft = outgoing(w).insert(storage());
    Template kept = template(w.info(), "kept");
    SendingAccount account = new SendingAccount(w.info().id(), "Front desk", null, "Regards", null);
    storage().useTransaction(s -> {
      s.outbound().saveTemplate(w.id(), kept);
      s.outbound().saveAccount(w.id(), account);
    });
    OutboundMessage fresh = outgoing(w).build();
    RuntimeException boom = new RuntimeException("boom");

    assertThatThrownBy(() -> storage().useTransaction(s -> {
      s.outbound().insert(fresh);
      assertThat(s.outbound().update(draft.with(w.info().id(), letter(draft, "Changed"), at(1)))).isTrue();
      s.outbound().saveAccount(w.id(), SendingAccount.plain(w.info().id()));
      s.outbound().saveTemplate(w.id(), template(w.info(), "added"));
      assertThat(s.outbound().deleteTemplate(w.id(), kept.id())).isTrue();
      throw boom;
    })).isSameAs(boom);

    storage().useTransaction(s -> {
      assertThat(s.outbound().find(w.id(), fresh.id())).isEmpty();
      assertThat(s.outbound().find(w.id(), draft.id())).contains(draft);
      assertThat(s.outbound().account(w.id(), w.info().id())).isEqualTo(account);
      assertThat(s.outbound().templates(w.id(), w.info().id())).containsExactly(kept);
    });
  }

  @Test
  default void listShouldReturnTheMailboxsMessagesInTheGivenStatesMostRecentlyChangedFirst() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    OutboundMessage draft = outgoing(w).updatedAt(at(1)).insert(storage());
    OutboundMessage queued = outgoing(w).queuedAt(at(3)).insert(storage());
    OutboundMessage failed = outgoing(w).delivery(OutboundFixtures.queued(at(2)).failed("550")).updatedAt(at(2))
        .insert(storage());
    outgoing(w).mailbox(w.sales()).queuedAt(at(4)).insert(storage());
    outgoing(w).tenant(other.id()).queuedAt(at(5)).insert(storage());

    storage().useTransaction(s -> {
      assertThat(s.outbound().list(w.id(), w.info().id(), EnumSet.allOf(OutboundState.class), null, null, 10))
          .containsExactly(queued, failed, draft);
      assertThat(s.outbound().list(w.id(), w.info().id(), Set.of(OutboundState.QUEUED, OutboundState.FAILED), null,
          null, 10)).containsExactly(queued, failed);
      assertThat(s.outbound().list(w.id(), w.info().id(), Set.of(OutboundState.SENT), null, null, 10)).isEmpty();
      assertThat(s.outbound().list(w.id(), w.info().id(), Set.of(), null, null, 10)).isEmpty();
    });
  }

  @Test
  default void listShouldKeepOnlyTheAuthorsMessagesWhenAnAuthorIsGiven() {
    World w = Fixtures.world(storage());
    OutboundMessage alices = outgoing(w).author(w.alice()).updatedAt(at(1)).insert(storage());
    OutboundMessage bobs = outgoing(w).author(w.bob()).updatedAt(at(2)).insert(storage());
    OutboundMessage automatic = outgoing(w).author(null).updatedAt(at(3)).insert(storage());
    Set<OutboundState> drafts = Set.of(OutboundState.DRAFT);

    storage().useTransaction(s -> {
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, w.alice().id(), null, 10)).containsExactly(alices);
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, w.bob().id(), null, 10)).containsExactly(bobs);
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, null, null, 10))
          .containsExactly(automatic, bobs, alices);
    });
  }

  @Test
  default void listShouldPageAfterTheKeysetAndStopAtTheLimit() {
    World w = Fixtures.world(storage());
    OutboundMessage newest = outgoing(w).updatedAt(at(3)).insert(storage());
    // the same instant: ids decide, as unsigned bytes (a high first bit is last ascending, so first here)
    OutboundMessage high = outgoing(w).id(Fixtures.highBit()).updatedAt(at(2)).insert(storage());
    OutboundMessage low = outgoing(w).id(Fixtures.lowBit()).updatedAt(at(2)).insert(storage());
    OutboundMessage oldest = outgoing(w).updatedAt(at(1)).insert(storage());
    Set<OutboundState> drafts = Set.of(OutboundState.DRAFT);

    storage().useTransaction(s -> {
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, null, null, 2)).containsExactly(newest, high);
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, null, keyset(high), 2))
          .containsExactly(low, oldest);
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, null, keyset(newest), 1)).containsExactly(high);
      assertThat(s.outbound().list(w.id(), w.info().id(), drafts, null, keyset(oldest), 2)).isEmpty();
    });
  }

  @Test
  default void accountShouldBePlainUntilSavedAndThenReplacedWhole() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    SendingAccount full = new SendingAccount(w.info().id(), "Acme Office", "replies@example.com", "Acme\nZürich",
        "<b>Acme</b>");
    SendingAccount bare = new SendingAccount(w.info().id(), "Front desk", null, null, null);

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().account(w.id(), w.info().id())))
        .isEqualTo(SendingAccount.plain(w.info().id()));
    storage().useTransaction(s -> s.outbound().saveAccount(w.id(), full));
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().account(w.id(), w.info().id())))
        .isEqualTo(full);
    storage().useTransaction(s -> s.outbound().saveAccount(w.id(), bare));

    storage().useTransaction(s -> {
      assertThat(s.outbound().account(w.id(), w.info().id())).isEqualTo(bare);
      assertThat(s.outbound().account(w.id(), w.sales().id())).isEqualTo(SendingAccount.plain(w.sales().id()));
      assertThat(s.outbound().account(other.id(), w.info().id())).isEqualTo(SendingAccount.plain(w.info().id()));
    });
  }

  @Test
  default void templateShouldBeFoundAndReplacedById() {
    World w = Fixtures.world(storage());
    Template first = template(w.info(), "rent-notice");
    Template replaced = new Template(first.id(), w.sales().id(), "rent-reminder", "Rent is due 🏠", "Dear {{name}}",
        "<p>Dear {{name}}</p>");

    storage().useTransaction(s -> s.outbound().saveTemplate(w.id(), first));
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().template(w.id(), first.id())))
        .contains(first);
    storage().useTransaction(s -> s.outbound().saveTemplate(w.id(), replaced));

    storage().useTransaction(s -> {
      assertThat(s.outbound().template(w.id(), first.id())).contains(replaced);
      assertThat(s.outbound().templates(w.id(), w.info().id())).isEmpty();
      assertThat(s.outbound().templates(w.id(), w.sales().id())).containsExactly(replaced);
    });
  }

  @Test
  default void templatesShouldBeListedByName() {
    World w = Fixtures.world(storage());
    Template welcome = template(w.info(), "welcome");
    Template invoice = template(w.info(), "invoice");
    Template reminder = template(w.info(), "reminder");
    storage().useTransaction(s -> {
      s.outbound().saveTemplate(w.id(), welcome);
      s.outbound().saveTemplate(w.id(), invoice);
      s.outbound().saveTemplate(w.id(), reminder);
      s.outbound().saveTemplate(w.id(), template(w.sales(), "apology"));
    });

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().templates(w.id(), w.info().id())))
        .containsExactly(invoice, reminder, welcome);
  }

  @Test
  default void deleteTemplateShouldReportWhetherThereWasOne() {
    World w = Fixtures.world(storage());
    Template gone = template(w.info(), "gone");
    Template kept = template(w.info(), "kept");
    storage().useTransaction(s -> {
      s.outbound().saveTemplate(w.id(), gone);
      s.outbound().saveTemplate(w.id(), kept);
    });

    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().deleteTemplate(w.id(), gone.id()))).isTrue();
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().deleteTemplate(w.id(), gone.id())))
        .isFalse();

    storage().useTransaction(s -> {
      assertThat(s.outbound().template(w.id(), gone.id())).isEmpty();
      assertThat(s.outbound().templates(w.id(), w.info().id())).containsExactly(kept);
    });
  }

  @Test
  default void templateNameTakenInTheMailboxShouldFailAndSaveNothing() {
    World w = Fixtures.world(storage());
    Template welcome = template(w.info(), "welcome");
    Template other = template(w.info(), "other");
    storage().useTransaction(s -> {
      s.outbound().saveTemplate(w.id(), welcome);
      s.outbound().saveTemplate(w.id(), other);
    });
    Template twin = template(w.info(), "welcome");
    Template renamed = new Template(other.id(), w.info().id(), "welcome", "Renamed", "Renamed", null);

    storage().useTransaction(s -> {
      assertThatThrownBy(() -> s.outbound().saveTemplate(w.id(), twin)).isInstanceOf(DuplicateKeyException.class)
          .message().contains("welcome");
      assertThatThrownBy(() -> s.outbound().saveTemplate(w.id(), renamed)).isInstanceOf(DuplicateKeyException.class);
      // the transaction stays usable after the refused writes
      s.outbound().saveTemplate(w.id(), template(w.info(), "later"));
    });

    storage().useTransaction(s -> {
      assertThat(s.outbound().template(w.id(), twin.id())).isEmpty();
      assertThat(s.outbound().template(w.id(), other.id())).contains(other);
      assertThat(s.outbound().templates(w.id(), w.info().id())).extracting(Template::name)
          .containsExactly("later", "other", "welcome");
    });
  }

  @Test
  default void sameTemplateNameShouldBeAllowedInAnotherMailboxOrTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Template info = template(w.info(), "welcome");
    Template sales = template(w.sales(), "welcome");
    Template elsewhere = template(w.info(), "welcome");

    storage().useTransaction(s -> {
      s.outbound().saveTemplate(w.id(), info);
      s.outbound().saveTemplate(w.id(), sales);
      s.outbound().saveTemplate(other.id(), elsewhere);
    });

    storage().useTransaction(s -> {
      assertThat(s.outbound().templates(w.id(), w.info().id())).containsExactly(info);
      assertThat(s.outbound().templates(w.id(), w.sales().id())).containsExactly(sales);
      assertThat(s.outbound().templates(other.id(), w.info().id())).containsExactly(elsewhere);
    });
  }

  @Test
  default void templatesShouldNeverBeSeenOrDeletedFromAnotherTenant() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    Template mine = template(w.info(), "mine");
    storage().useTransaction(s -> s.outbound().saveTemplate(w.id(), mine));

    storage().useTransaction(s -> {
      assertThat(s.outbound().template(other.id(), mine.id())).isEmpty();
      assertThat(s.outbound().templates(other.id(), w.info().id())).isEmpty();
      assertThat(s.outbound().deleteTemplate(other.id(), mine.id())).isFalse();
    });
    assertThat(storage().inTransaction((StorageSession s) -> s.outbound().template(w.id(), mine.id()))).contains(mine);
  }

  private static Letter letter(OutboundMessage m, String subject) {
    Letter l = m.letter();
    return new Letter(l.from(), l.fromName(), l.replyTo(), l.to(), List.of("cc@acme.example"), l.bcc(), subject,
        l.text(), l.html(), l.inReplyTo(), l.references(), List.of(new OutboundAttachment("a.pdf",
            "application/pdf", blob(), 1)), l.autoSubmitted());
  }

  private static OutboundKeyset keyset(OutboundMessage m) {
    return new OutboundKeyset(m.updatedAt(), m.id());
  }
}
