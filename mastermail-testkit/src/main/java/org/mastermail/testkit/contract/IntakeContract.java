package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.View;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.IngestResult.Outcome;
import org.mastermail.intake.IntakeSettings;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Attachment;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.status.StatusCategory;

/** Archiving incoming mail: exactly once, threading, raw round trip, single-instance attachments, source state. */
public interface IntakeContract extends EngineFixture {
  private IngestResult ingest(Office o, Mailbox box, byte[] raw) {
    return o.mm.intake().ingest(o.setup.tenant().id(), box.id(), new ByteArrayInputStream(raw), null);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageId idOf(IngestResult r) {
    assertThat(r.message()).isNotNull();
    return r.message();
  }

  private static ConversationId conversationOf(IngestResult r) {
    assertThat(r.conversation()).isNotNull();
    return r.conversation();
  }

  @Test
  default void ingestShouldArchiveANewMessageAsAnUnassignedConversationVisibleToTheMailbox() {
    Office o = newOffice();
    byte[] raw = Mails.from("Jan Kowalski <jan@client.example>", "info@" + o.domain, "Awaria ogrzewania")
        .body("Dzień dobry,\nnie działa ogrzewanie.\n").bytes();

    IngestResult r = ingest(o, o.info, raw);

    assertThat(r.outcome()).isEqualTo(Outcome.ARCHIVED);
    assertThat(idsOf(View.UNASSIGNED, o.alice)).containsExactly(conversationOf(r));
    assertThat(idsOf(View.INBOX, o.carol)).doesNotContain(conversationOf(r));
    Conversation c = o.mm.triage().get(conversationOf(r), o.alice).conversation();
    assertThat(c.subject()).isEqualTo("Awaria ogrzewania");
    assertThat(c.unassigned()).isTrue();
    MessageContent content = o.mm.triage().content(idOf(r), o.alice);
    assertThat(content.text()).contains("nie działa ogrzewanie");
    assertThat(o.mm.triage().get(c.id(), o.alice).messages()).singleElement()
        .satisfies(m -> assertThat(m.from()).isEqualTo("jan@client.example"))
        .satisfies(m -> assertThat(m.fromName()).isEqualTo("Jan Kowalski"));
  }

  @Test
  default void theSendersDisplayNameShouldBeKeptDecodedOnOneLineAndBounded() {
    Office o = newOffice();
    String encoded = "=?UTF-8?Q?Zofia_=C5=BBó=C5=82kiewicz?= <zofia@client.example>".replace("ó", "=C3=B3");
    String longName = "\"" + "Long".repeat(75) + "\" <long@client.example>";
    String withBreak = "=?UTF-8?Q?Anna=0D=0ANowak?= <anna@client.example>";

    List<String> names = new ArrayList<>();
    for (String from : List.of(encoded, longName, withBreak, "bare@client.example")) {
      IngestResult r = ingest(o, o.info, Mails.from(from, "info@" + o.domain, "Pytanie").bytes());
      names.add(o.mm.triage().get(conversationOf(r), o.alice).messages().get(0).fromName());
    }

    assertThat(names.get(0)).isEqualTo("Zofia Żółkiewicz");
    assertThat(names.get(1)).isEqualTo("Long".repeat(75).substring(0, MessageMeta.MAX_FROM_NAME));
    assertThat(names.get(2)).startsWith("Anna").endsWith("Nowak").doesNotContain("\r", "\n");
    assertThat(names.get(3)).isNull();
  }

  @Test
  default void rawMessageShouldBeReturnedByteForByte() {
    Office o = newOffice();
    byte[] attachment = new byte[50_000];
    new Random(7).nextBytes(attachment);
    byte[] raw = Mails.from("a@client.example", "info@" + o.domain, "Plan").attach("plan.pdf", attachment).bytes();

    IngestResult r = ingest(o, o.info, raw);

    assertThat(readAll(o.mm.triage().raw(idOf(r), o.alice))).isEqualTo(raw);
    MessageContent content = o.mm.triage().content(idOf(r), o.alice);
    assertThat(content.attachments()).singleElement().satisfies(a -> {
      assertThat(a.filename()).isEqualTo("plan.pdf");
      assertThat(a.size()).isEqualTo(attachment.length);
      assertThat(a.stored()).isTrue();
    });
    assertThat(readAll(o.mm.triage().attachment(idOf(r), 0, o.alice))).isEqualTo(attachment);
  }

  @Test
  default void messageLargerThanTheIntakeHoldsInMemoryShouldBeReturnedByteForByteWithItsAttachment() {
    Office o = newOffice();
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    new Random(8).nextBytes(big);
    byte[] raw = Mails.from("a@client.example", "info@" + o.domain, "Scans").attach("scan.tiff", big).bytes();

    IngestResult r = ingest(o, o.info, raw);

    assertThat(readAll(o.mm.triage().raw(idOf(r), o.alice))).isEqualTo(raw);
    assertThat(o.mm.triage().content(idOf(r), o.alice).attachments())
        .extracting(Attachment::filename, Attachment::size, Attachment::stored)
        .containsExactly(tuple("scan.tiff", (long) big.length, true));
    assertThat(readAll(o.mm.triage().attachment(idOf(r), 0, o.alice))).isEqualTo(big);
  }

  @Test
  default void sameAttachmentInManyMessagesAndMailboxesShouldBeStoredOnce() {
    Office o = newOffice();
    byte[] attachment = new byte[64 * 1024];
    new Random(11).nextBytes(attachment);
    List<Attachment> seen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Mailbox box = i % 2 == 0 ? o.info : o.sales;
      Actor reader = i % 2 == 0 ? o.alice : o.carol;
      byte[] raw = Mails.from("p" + i + "@client.example", box.address(), "Umowa " + i).body("Wersja " + i + "\n")
          .attach("umowa.pdf", attachment).bytes();
      IngestResult r = ingest(o, box, raw);
      seen.add(o.mm.triage().content(idOf(r), reader).attachments().get(0));
      assertThat(readAll(o.mm.triage().raw(idOf(r), reader))).isEqualTo(raw);
    }
    assertThat(seen).allSatisfy(a -> assertThat(a.stored()).isTrue());
    assertThat(seen.stream().map(Attachment::sha256).distinct()).hasSize(1);
    assertThat(o.mm.storage().blobStore().orElseThrow().size(seen.get(0).sha256())).isEqualTo(attachment.length);
  }

  @Test
  default void replyShouldJoinTheConversationItAnswersAndStayWithItsAssignee() {
    Office o = newOffice();
    IngestResult first = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Faktura 12/2026")
        .messageId("first@client.example").bytes());
    Conversation assigned = o.mm.triage().assign(o.mm.triage().get(conversationOf(first), o.admin).conversation()
        .ref(), o.alice.user(), o.admin);
    clock().advance(Duration.ofHours(1));

    IngestResult reply = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Re: Faktura 12/2026")
        .inReplyTo("first@client.example").references("first@client.example").bytes());

    assertThat(reply.conversation()).isEqualTo(assigned.id());
    Conversation after = o.mm.triage().get(assigned.id(), o.alice).conversation();
    assertThat(after.assignee()).isEqualTo(o.alice.user());
    assertThat(after.lastActivityAt()).isAfter(assigned.lastActivityAt());
    assertThat(o.mm.triage().get(assigned.id(), o.alice).messages()).hasSize(2);
    assertThat(idsOf(View.INBOX, o.bob)).doesNotContain(assigned.id());
  }

  @Test
  default void replyToAClosedConversationShouldReopenIt() {
    Office o = newOffice();
    IngestResult first = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Klucze")
        .messageId("keys@client.example").bytes());
    Conversation c = o.mm.triage().get(conversationOf(first), o.admin).conversation();
    Conversation closed = o.mm.triage().setStatus(c.ref(), o.status("archived").id(), o.admin);

    ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Re: Klucze")
        .inReplyTo("keys@client.example").bytes());

    Conversation reopened = o.reload(closed);
    assertThat(o.mm.admin().statuses().list(o.admin).stream()
        .filter(s -> s.id().equals(reopened.status())).findFirst().orElseThrow().category())
        .isEqualTo(StatusCategory.OPEN);
  }

  @Test
  default void subjectAloneShouldNeverJoinMailFromAnUnrelatedSender() {
    Office o = newOffice();
    IngestResult original = ingest(o, o.info, Mails.from("anna@client.example", "info@" + o.domain, "Rechnung")
        .bytes());

    IngestResult stranger = ingest(o, o.info, Mails.from("mallory@other.example", "info@" + o.domain,
        "AW: Rechnung").bytes());
    IngestResult sameSender = ingest(o, o.info, Mails.from("Anna <ANNA@client.example>", "info@" + o.domain,
        "AW: Rechnung").bytes());

    assertThat(stranger.conversation()).isNotEqualTo(original.conversation());
    assertThat(sameSender.conversation()).isEqualTo(original.conversation());
  }

  @Test
  default void sameSourceItemShouldBeArchivedOnce() {
    Office o = newOffice();
    SourceItem item = SourceItem.imap(SourceId.of("imap:info"), "INBOX", 7, 42);
    byte[] raw = Mails.from("jan@client.example", "info@" + o.domain, "Once").bytes();

    IngestResult first = o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(raw), item);
    IngestResult again = o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(raw), item);

    assertThat(first.outcome()).isEqualTo(Outcome.ARCHIVED);
    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(idsOf(View.UNASSIGNED, o.alice)).hasSize(1);
  }

  @Test
  default void sameBytesUnderAnotherSourcePositionShouldBeADuplicate() {
    Office o = newOffice();
    byte[] raw = Mails.from("jan@client.example", "info@" + o.domain, "Twice fetched").bytes();
    SourceId source = SourceId.of("imap:info");
    o.mm.intake().begin(o.setup.tenant().id(), source, "INBOX", 9);

    IngestResult first = o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(raw),
        SourceItem.imap(source, "INBOX", 9, 1));
    IngestResult again = o.mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(raw),
        SourceItem.imap(source, "INBOX", 9, 2));

    assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(again.message()).isEqualTo(first.message());
    assertThat(o.mm.intake().folder(o.setup.tenant().id(), source, "INBOX").lastUid()).isEqualTo(2);
  }

  @Test
  default void reusedMessageIdFromAnotherSenderShouldStillBeArchived() {
    Office o = newOffice();
    ingest(o, o.info, Mails.from("a@client.example", "info@" + o.domain, "One").messageId("same@x").bytes());

    IngestResult other = ingest(o, o.info, Mails.from("b@other.example", "info@" + o.domain, "Two")
        .messageId("same@x").bytes());

    assertThat(other.outcome()).isEqualTo(Outcome.ARCHIVED);
    assertThat(other.problems()).anySatisfy(p -> assertThat(p).contains("same@x"));
    assertThat(idsOf(View.UNASSIGNED, o.alice)).hasSize(2);
  }

  @Test
  default void messageOverTheSizeLimitShouldBeRejectedWithAnEventNotSkippedSilently() {
    Office o = newOffice();
    List<Event> heard = new ArrayList<>();
    MasterMail strict = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .intake(IntakeSettings.DEFAULTS.withMaxMessageBytes(200)).listener(heard::addAll).build();
    SourceItem item = SourceItem.pop3(SourceId.of("pop3:info"), "big-1");
    byte[] raw = Mails.from("a@client.example", "info@" + o.domain, "Big").body("x".repeat(1000)).bytes();

    IngestResult r = strict.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(raw), item);

    assertThat(r.outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(heard).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(EventType.MESSAGE_REJECTED);
      assertThat(e.after()).contains("larger than the limit of 200 bytes");
    });
    assertThat(strict.intake().known(o.setup.tenant().id(), item.source(), item.folder(), item.key())).isTrue();
    assertThat(idsOf(View.UNASSIGNED, o.alice)).isEmpty();
  }

  @Test
  default void unparseableBytesShouldStillBeArchivedAndReturnedAsReceived() {
    Office o = newOffice();
    byte[] garbage = new byte[5000];
    new Random(3).nextBytes(garbage);
    byte[] raw = ("Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain; charset="
        + "x-unknown\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[raw.length + garbage.length];
    System.arraycopy(raw, 0, all, 0, raw.length);
    System.arraycopy(garbage, 0, all, raw.length, garbage.length);

    IngestResult r = ingest(o, o.info, all);

    assertThat(r.outcome()).isEqualTo(Outcome.ARCHIVED);
    assertThat(readAll(o.mm.triage().raw(idOf(r), o.alice))).isEqualTo(all);
  }

  @Test
  default void contentShouldBeHiddenFromThoseWhoDoNotSeeTheConversation() {
    Office o = newOffice();
    IngestResult r = ingest(o, o.info, Mails.from("a@client.example", "info@" + o.domain, "Private").bytes());

    assertThatThrownBy(() -> o.mm.triage().content(idOf(r), o.carol)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.triage().raw(idOf(r), o.carol)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void incomingShouldRebuildAMessageAsTheRouterSawIt() {
    Office o = newOffice();
    IngestResult first = ingest(o, o.info, Mails.from("Jan <jan@client.example>", "info@" + o.domain, "Faktura 7")
        .messageId("first7@client.example").header("X-Priority", "1").body("Prosze o fakture.\n").bytes());
    IngestResult reply = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Re: Faktura 7")
        .inReplyTo("first7@client.example").bytes());

    IncomingMessage m = o.mm.triage().incoming(idOf(first), o.alice);

    assertThat(m.id()).isEqualTo(idOf(first));
    assertThat(m.mailbox()).isEqualTo(o.info.id());
    assertThat(m.from()).isEqualTo("jan@client.example");
    assertThat(m.fromName()).isEqualTo("Jan");
    assertThat(m.subject()).isEqualTo("Faktura 7");
    assertThat(m.header("X-Priority")).contains("1");
    assertThat(m.text()).contains("Prosze o fakture.");
    assertThat(m.reply()).isFalse();
    assertThat(o.mm.triage().incoming(idOf(reply), o.alice).reply()).isTrue();
    assertThatThrownBy(() -> o.mm.triage().incoming(idOf(first), o.carol)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void ingestIntoAnUnknownMailboxShouldFailClearly() {
    Office o = newOffice();
    assertThatThrownBy(() -> o.mm.intake().ingest(o.setup.tenant().id(), org.mastermail.mailbox.MailboxId.random(),
        new ByteArrayInputStream(new byte[] {1}), null))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("mailbox");
  }

  @Test
  default void changedUidValidityShouldHaltTheFolderUntilAnAdminResumesIt() {
    Office o = newOffice();
    SourceId source = SourceId.of("imap:info");
    var tenant = o.setup.tenant().id();
    o.mm.intake().begin(tenant, source, "INBOX", 100);
    o.mm.intake().ingest(tenant, o.info.id(), new ByteArrayInputStream(Mails.from("a@client.example",
        "info@" + o.domain, "Before").bytes()), SourceItem.imap(source, "INBOX", 100, 5));

    FolderState halted = o.mm.intake().begin(tenant, source, "INBOX", 200);

    assertThat(halted.halted()).isTrue();
    assertThat(halted.haltedReason()).contains("UIDVALIDITY").contains("100").contains("200");
    assertThat(o.mm.intake().begin(tenant, source, "INBOX", 200).halted()).isTrue();
    assertThatThrownBy(() -> o.mm.intake().resume(tenant, source, "INBOX", o.alice))
        .isInstanceOf(PermissionDeniedException.class);
    o.mm.intake().resume(tenant, source, "INBOX", o.admin);
    FolderState resumed = o.mm.intake().begin(tenant, source, "INBOX", 200);
    assertThat(resumed.halted()).isFalse();
    assertThat(resumed.uidValidity()).isEqualTo(200);
    assertThat(resumed.lastUid()).isZero();
  }

  @Test
  default void acknowledgedPositionShouldOnlyGrow() {
    Office o = newOffice();
    SourceId source = SourceId.of("imap:info");
    var tenant = o.setup.tenant().id();
    o.mm.intake().begin(tenant, source, "INBOX", 1);
    o.mm.intake().acknowledged(tenant, source, "INBOX", 10);
    o.mm.intake().acknowledged(tenant, source, "INBOX", 4);
    assertThat(o.mm.intake().folder(tenant, source, "INBOX").acknowledgedUid()).isEqualTo(10);
  }

  @Test
  default void leaseShouldBelongToOneHolderUntilItExpiresOrIsReleased() {
    Office o = newOffice();
    SourceId source = SourceId.of("imap:info");
    var tenant = o.setup.tenant().id();

    assertThat(o.mm.intake().lease(tenant, source, "node-a", Duration.ofSeconds(30))).isTrue();
    assertThat(o.mm.intake().lease(tenant, source, "node-b", Duration.ofSeconds(30))).isFalse();
    assertThat(o.mm.intake().lease(tenant, source, "node-a", Duration.ofSeconds(30))).isTrue();
    clock().advance(Duration.ofSeconds(31));
    assertThat(o.mm.intake().lease(tenant, source, "node-b", Duration.ofSeconds(30))).isTrue();
    assertThat(o.mm.intake().lease(tenant, source, "node-a", Duration.ofSeconds(30))).isFalse();
    o.mm.intake().release(tenant, source, "node-b");
    assertThat(o.mm.intake().lease(tenant, source, "node-a", Duration.ofSeconds(30))).isTrue();
  }

  @Test
  default void routerDecisionShouldBeAppliedWithTheMessageAndExplainedByItsTrace() {
    Office o = newOffice();
    var inProgress = o.status("in progress").id();
    MasterMail routed = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .router((message, conversation, session) -> message.fromDomain().equals("client.example")
            ? new RoutingDecision(o.alice.user(), inProgress, null, true, Set.of("vip"),
                Set.of(EntityRef.of("contact", message.from())), List.of("rule 1 matched: from domain client.example"))
            : RoutingDecision.NOTHING)
        .build();

    IngestResult r = routed.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(
        Mails.from("jan@client.example", "info@" + o.domain, "Zgłoszenie").bytes()), null);

    Conversation c = o.mm.triage().get(conversationOf(r), o.alice).conversation();
    assertThat(c.assignee()).isEqualTo(o.alice.user());
    assertThat(c.status()).isEqualTo(o.status("in progress").id());
    assertThat(c.urgent()).isTrue();
    assertThat(c.tags()).containsExactly("vip");
    assertThat(c.links()).containsExactly(EntityRef.of("contact", "jan@client.example"));
    assertThat(o.mm.triage().history(c.id(), o.alice)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(EventType.ROUTED);
      assertThat(e.after()).contains("rule 1 matched");
    });
    assertThat(idsOf(View.INBOX, o.bob)).doesNotContain(c.id());
  }

  @Test
  default void routerShouldNotTakeAReplyAwayFromItsAssignee() {
    Office o = newOffice();
    IngestResult first = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Klucze")
        .messageId("k1@client.example").bytes());
    o.mm.triage().assign(o.mm.triage().get(conversationOf(first), o.admin).conversation().ref(), o.alice.user(),
        o.admin);
    MasterMail routed = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .router((message, conversation, session) -> new RoutingDecision(o.bob.user(), null, null, false, Set.of(),
            Set.of(), List.of("round robin picked bob")))
        .build();

    IngestResult reply = routed.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(
        Mails.from("jan@client.example", "info@" + o.domain, "Re: Klucze").inReplyTo("k1@client.example").bytes()),
        null);

    assertThat(reply.conversation()).isEqualTo(first.conversation());
    assertThat(o.mm.triage().get(conversationOf(reply), o.alice).conversation().assignee()).isEqualTo(o.alice.user());
  }

  @Test
  default void fullTextSearchShouldFindBodiesSendersAndAttachmentNamesWithinWhatTheActorSees() {
    Office o = newOffice();
    IngestResult heating = ingest(o, o.info, Mails.from("jan@client.example", "info@" + o.domain, "Awaria")
        .body("Nie działa ogrzewanie w mieszkaniu 12.\n").bytes());
    IngestResult invoice = ingest(o, o.info, Mails.from("buchhaltung@lieferant.example", "info@" + o.domain,
        "Rechnung").attach("Rechnung-2026-117.pdf", new byte[5000]).bytes());
    IngestResult assignedToBob = ingest(o, o.info, Mails.from("eva@client.example", "info@" + o.domain, "Topení")
        .body("Ogrzewanie again, second flat.\n").bytes());
    o.mm.triage().assign(o.mm.triage().get(conversationOf(assignedToBob), o.admin).conversation().ref(),
        o.bob.user(), o.admin);
    IngestResult sales = ingest(o, o.sales, Mails.from("jan@client.example", "sales@" + o.domain, "Oferta")
        .body("Ogrzewanie podłogowe - oferta.\n").bytes());

    ConversationFilter word = ConversationFilter.none().withText("OGRZEWANIE");
    assertThat(idsOf(View.INBOX, word, o.alice)).containsExactly(conversationOf(heating));
    assertThat(idsOf(View.INBOX, word, o.bob)).containsExactlyInAnyOrder(conversationOf(heating),
        conversationOf(assignedToBob));
    assertThat(idsOf(View.INBOX, word, o.carol)).containsExactly(conversationOf(sales));
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withText("rechnung-2026-117.pdf"), o.alice))
        .containsExactly(conversationOf(invoice));
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withText("buchhaltung@lieferant.example"), o.alice))
        .containsExactly(conversationOf(invoice));
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withText("ogrzewanie mieszkaniu"), o.alice))
        .containsExactly(conversationOf(heating));
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withText("ogrzewanie nonexistentword"), o.alice))
        .isEmpty();
  }

  @Test
  default void failingRouterShouldNotKeepTheMessageOutOfTheArchive() {
    Office o = newOffice();
    MasterMail routed = MasterMail.builder().storage(masterMail().storage()).clock(clock())
        .router((message, conversation, session) -> {
          throw new IllegalStateException("directory offline");
        })
        .build();

    IngestResult r = routed.intake().ingest(o.setup.tenant().id(), o.info.id(), new ByteArrayInputStream(
        Mails.from("jan@client.example", "info@" + o.domain, "Still archived").bytes()), null);

    assertThat(r.outcome()).isEqualTo(Outcome.ARCHIVED);
    assertThat(o.mm.triage().get(conversationOf(r), o.alice).conversation().unassigned()).isTrue();
    assertThat(o.mm.triage().history(conversationOf(r), o.alice)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(EventType.ROUTED);
      assertThat(e.after()).contains("router failed").contains("directory offline");
    });
  }
}
