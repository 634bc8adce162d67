package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.ConversationDetails;
import org.mastermail.conversation.View;
import org.mastermail.event.EventType;
import org.mastermail.intake.IngestResult;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Attachment;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.AttachmentSource;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.permission.Permission;
import org.mastermail.testkit.RecordingTransport;

/** Writing and sending: drafts, replies and forwards, who may send from where, header safety, boxes. */
public interface OutboundContract extends EngineFixture {
  /** A dispatcher over this storage that sends only the office's mail, through {@code smtp}. */
  default Dispatcher dispatcherFor(Office o, RecordingTransport smtp) {
    return masterMail().dispatcher(DispatcherSettings.builder().workers(1).lease(Duration.ofMinutes(5))
            .retries(Duration.ofMinutes(1), Duration.ofHours(1)).maxAttempts(4).build(),
        mailbox -> mailbox.tenant().equals(o.setup.tenant().id()) ? Optional.of(smtp) : Optional.empty());
  }

  default IngestResult receive(Office o, Mailbox box, byte[] raw) {
    return o.mm.intake().ingest(o.setup.tenant().id(), box.id(), new ByteArrayInputStream(raw), null);
  }

  static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  default void sendShouldStartAConversationAssignedToTheAuthorAndJoinItOnceSent() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("tenant@client.example")
        .subject("Czynsz za marzec").text("Dzień dobry,\nw załączeniu rozliczenie.").build(), o.alice);

    assertThat(queued.state()).isEqualTo(OutboundState.QUEUED);
    assertThat(queued.conversation()).isNotNull();
    assertThat(idsOf(View.MINE, o.alice)).contains(queued.conversation());
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      assertThat(d.runOnce()).isGreaterThanOrEqualTo(1);
    }

    OutboundMessage sent = o.mm.outbound().get(queued.id(), o.alice);
    assertThat(sent.state()).isEqualTo(OutboundState.SENT);
    assertThat(smtp.sent()).hasSize(1);
    RecordingTransport.Sent wire = smtp.sent().get(0);
    assertThat(wire.envelope().sender()).isEqualTo(o.info.address());
    assertThat(wire.envelope().recipients()).containsExactly("tenant@client.example");
    assertThat(wire.header("Message-ID")).isEqualTo("<" + sent.delivery().messageIdHeader() + ">");
    assertThat(wire.mime()).isEqualTo(readAll(o.mm.outbound().mime(sent.id(), o.alice)));
    ConversationDetails details = o.mm.triage().get(queued.conversation(), o.alice);
    assertThat(details.messages()).singleElement().satisfies(m -> {
      assertThat(m.direction()).isEqualTo(Direction.OUTGOING);
      assertThat(m.id()).isEqualTo(sent.delivery().sentMessage());
      assertThat(m.messageIdHeader()).isEqualTo(sent.delivery().messageIdHeader());
    });
    assertThat(details.history()).extracting(e -> e.type())
        .contains(EventType.CONVERSATION_CREATED, EventType.OUTBOUND_QUEUED, EventType.MESSAGE_SENT);
    MessageContent content = o.mm.triage().content(sent.delivery().sentMessage(), o.alice);
    assertThat(content.text()).contains("w załączeniu rozliczenie");
    assertThat(readAll(o.mm.triage().raw(sent.delivery().sentMessage(), o.alice))).isEqualTo(wire.mime());
  }

  @Test
  default void replyShouldAnswerTheSenderWithThreadingHeadersQuoteAndRe() {
    Office o = newOffice();
    IngestResult in = receive(o, o.info, Mails.from("Jan Kowalski <jan@client.example>", o.info.address(),
        "Awaria ogrzewania").messageId("first@client.example").references("root@client.example")
        .body("Nie działa ogrzewanie.\nProszę o pomoc.").bytes());

    OutboundMessage draft = o.mm.outbound().reply(in.message(), ReplyMode.REPLY, o.alice);

    assertThat(draft.state()).isEqualTo(OutboundState.DRAFT);
    assertThat(draft.mailbox()).isEqualTo(o.info.id());
    assertThat(draft.conversation()).isEqualTo(in.conversation());
    assertThat(draft.letter().to()).containsExactly("jan@client.example");
    assertThat(draft.letter().subject()).isEqualTo("Re: Awaria ogrzewania");
    assertThat(draft.letter().inReplyTo()).isEqualTo("first@client.example");
    assertThat(draft.letter().references()).containsExactly("root@client.example", "first@client.example");
    assertThat(draft.letter().text()).contains("> Nie działa ogrzewanie.", "> Proszę o pomoc.",
        "jan@client.example wrote:");

    RecordingTransport smtp = new RecordingTransport();
    o.mm.outbound().queue(draft.id(), draft.version(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }
    RecordingTransport.Sent wire = smtp.sent().get(0);
    assertThat(wire.header("In-Reply-To")).isEqualTo("<first@client.example>");
    assertThat(wire.header("References")).isEqualTo("<root@client.example> <first@client.example>");
    assertThat(wire.header("Subject")).isEqualTo("Re: Awaria ogrzewania");
    assertThat(o.mm.triage().get(in.conversation(), o.alice).messages()).extracting(MessageMeta::direction)
        .containsExactly(Direction.INCOMING, Direction.OUTGOING);
  }

  @Test
  default void replyShouldGoToTheReplyToAddressWhenTheMessageHasOne() {
    Office o = newOffice();
    IngestResult in = receive(o, o.info, Mails.from("Jan <jan@client.example>", o.info.address(), "Pytanie")
        .header("Reply-To", "Biuro Jana <biuro@client.example>").bytes());

    OutboundMessage draft = o.mm.outbound().reply(in.message(), ReplyMode.REPLY, o.alice);

    assertThat(draft.letter().to()).containsExactly("biuro@client.example");
  }

  @Test
  default void replyAllShouldCopyEveryoneButTheMailboxItself() {
    Office o = newOffice();
    IngestResult in = receive(o, o.info, Mails.from("jan@client.example", o.info.address() + ", ewa@client.example",
        "Spotkanie").header("Cc", "Piotr <piotr@client.example>, " + o.info.address()).bytes());

    OutboundMessage draft = o.mm.outbound().reply(in.message(), ReplyMode.REPLY_ALL, o.alice);

    assertThat(draft.letter().to()).containsExactly("jan@client.example");
    assertThat(draft.letter().cc()).containsExactlyInAnyOrder("ewa@client.example", "piotr@client.example");
  }

  @Test
  default void aReplyToOurMessageShouldThreadBackIntoItsConversation() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("Rozliczenie 2026").text("W załączeniu.").build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }
    String ours = o.mm.outbound().get(queued.id(), o.alice).delivery().messageIdHeader();

    IngestResult answer = receive(o, o.info, Mails.from("jan@client.example", o.info.address(),
        "Completely different subject").inReplyTo(ours).bytes());

    assertThat(answer.conversation()).isEqualTo(queued.conversation());
  }

  @Test
  default void messageIdShouldBeOursInTheSendingDomain() {
    Office o = newOffice();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);

    assertThat(queued.delivery().messageIdHeader()).endsWith("@" + o.domain).startsWith("mm.");
  }

  @Test
  default void sharedMailboxMembersShouldSendButOutsidersShouldNot() {
    Office o = newOffice();
    Compose fromInfo = Compose.from(o.info.id()).to("jan@client.example").subject("Hello").text("Hi").build();

    assertThat(o.mm.outbound().send(fromInfo, o.bob).state()).isEqualTo(OutboundState.QUEUED);
    assertThatThrownBy(() -> o.mm.outbound().send(fromInfo, o.carol)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void aMemberDeniedSendAsShouldNotSendFromTheSharedMailbox() {
    Office o = newOffice();
    o.mm.admin().permissions().deny(o.bob.user(), o.info.id(), Permission.SEND_AS, Set.of(), o.admin);

    assertThatThrownBy(() -> o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject("x")
        .text("y").build(), o.bob)).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("SEND_AS");
    assertThat(o.mm.outbound().sendingAccounts(o.bob)).extracting(Mailbox::id).doesNotContain(o.info.id());
  }

  @Test
  default void onlyTheOwnerShouldSendFromAPersonalMailbox() {
    Office o = newOffice();
    Compose personal = Compose.from(o.alicePersonal.id()).to("jan@client.example").subject("x").text("y").build();

    assertThat(o.mm.outbound().send(personal, o.alice).letter().from()).isEqualTo(o.alicePersonal.address());
    assertThatThrownBy(() -> o.mm.outbound().send(personal, o.bob)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> o.mm.outbound().send(personal, o.admin)).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void aDelegateShouldReadAndAssignButNeverSendAsTheOwner() {
    Office o = newOffice();
    o.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.bob.user(), null, o.alice);
    IngestResult in = receive(o, o.alicePersonal, Mails.from("jan@client.example", o.alicePersonal.address(),
        "Urlop").bytes());

    assertThat(o.mm.triage().get(in.conversation(), o.bob).messages()).hasSize(1);
    assertThatThrownBy(() -> o.mm.outbound().send(Compose.from(o.alicePersonal.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.bob)).isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("delegate");
    assertThat(o.mm.outbound().sendingAccounts(o.bob)).extracting(Mailbox::id)
        .containsExactly(o.info.id());
    // the delegate's reply is drafted from an account they may use, never the owner's
    OutboundMessage reply = o.mm.outbound().reply(in.message(), ReplyMode.REPLY, o.bob);
    assertThat(reply.mailbox()).isEqualTo(o.info.id());
  }

  @Test
  default void sendingAccountsShouldListPersonalFirstThenShared() {
    Office o = newOffice();

    assertThat(o.mm.outbound().sendingAccounts(o.alice)).extracting(Mailbox::id)
        .containsExactly(o.alicePersonal.id(), o.info.id());
  }

  @Test
  default void theAccountsDisplayNameReplyToAndSignatureShouldBeUsed() {
    Office o = newOffice();
    o.mm.outbound().configure(new SendingAccount(o.info.id(), "Biuro Acme", "odpowiedzi@" + o.domain,
        "Zespół Acme\ntel. 123", null), o.admin);
    RecordingTransport smtp = new RecordingTransport();

    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("Hello").text("Treść").build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    assertThat(queued.letter().text()).isEqualTo("Treść\n\n-- \nZespół Acme\ntel. 123\n");
    RecordingTransport.Sent wire = smtp.sent().get(0);
    assertThat(wire.header("Reply-To")).isEqualTo("odpowiedzi@" + o.domain);
    assertThat(wire.header("From")).contains("Biuro Acme").contains("<" + o.info.address() + ">");
  }

  @Test
  default void onlyManagersOrTheOwnerShouldConfigureASendingAccount() {
    Office o = newOffice();

    assertThatThrownBy(() -> o.mm.outbound().configure(SendingAccount.plain(o.info.id()), o.alice))
        .isInstanceOf(PermissionDeniedException.class);
    o.mm.outbound().configure(new SendingAccount(o.alicePersonal.id(), "Alice W.", null, null, null), o.alice);
    assertThat(o.mm.outbound().account(o.alicePersonal.id(), o.alice).displayName()).isEqualTo("Alice W.");
  }

  @Test
  default void headerInjectionShouldBeRefusedNamingTheField() {
    Office o = newOffice();

    assertThatThrownBy(() -> o.mm.outbound().draft(Compose.from(o.info.id()).to("jan@client.example")
        .subject("Hello\r\nBcc: victim@example.com").text("x").build(), o.alice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("subject");
    assertThatThrownBy(() -> o.mm.outbound().draft(Compose.from(o.info.id())
        .to("jan@client.example\r\nBcc: victim@example.com").subject("x").text("x").build(), o.alice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("to[0]");
    assertThatThrownBy(() -> o.mm.outbound().draft(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("x").attach(AttachmentSource.upload("a\nb.pdf", "application/pdf", new byte[] {1}))
        .build(), o.alice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("attachments[0].name");
    assertThatThrownBy(() -> o.mm.outbound().configure(new SendingAccount(o.info.id(), "Acme\r\nX-Evil: 1", null,
        null, null), o.admin)).isInstanceOf(InvalidInputException.class).hasMessageContaining("displayName");
    assertThatThrownBy(() -> o.mm.outbound().draft(Compose.from(o.info.id()).to("not an address").subject("x")
        .text("x").build(), o.alice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("to[0]");
  }

  @Test
  default void aMessageWithoutRecipientsShouldStayADraft() {
    Office o = newOffice();
    OutboundMessage draft = o.mm.outbound().draft(Compose.from(o.info.id()).subject("x").text("y").build(), o.alice);

    assertThatThrownBy(() -> o.mm.outbound().queue(draft.id(), draft.version(), o.alice))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("recipient");
    assertThat(o.mm.outbound().get(draft.id(), o.alice).state()).isEqualTo(OutboundState.DRAFT);
  }

  @Test
  default void draftsShouldBeSeenAndEditedByTheirAuthorOnly() {
    Office o = newOffice();
    OutboundMessage draft = o.mm.outbound().draft(Compose.from(o.info.id()).to("jan@client.example")
        .subject("Draft").text("v1").build(), o.alice);

    assertThatThrownBy(() -> o.mm.outbound().get(draft.id(), o.bob)).isInstanceOf(NotFoundException.class);
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.DRAFTS, null, 50, o.bob).items()).isEmpty();
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.DRAFTS, null, 50, o.alice).items())
        .extracting(OutboundMessage::id).containsExactly(draft.id());
    assertThatThrownBy(() -> o.mm.outbound().edit(draft.id(), draft.version(), Compose.of(draft), o.bob))
        .isInstanceOf(NotFoundException.class);

    OutboundMessage edited = o.mm.outbound().edit(draft.id(), draft.version(),
        Compose.of(draft).toBuilder().text("v2").cc("ewa@client.example").build(), o.alice);
    assertThat(edited.letter().text()).isEqualTo("v2");
    assertThat(edited.letter().cc()).containsExactly("ewa@client.example");
    assertThat(edited.version()).isEqualTo(draft.version() + 1);
    assertThatThrownBy(() -> o.mm.outbound().edit(draft.id(), draft.version(), Compose.of(draft), o.alice))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void aQueuedMessageShouldNoLongerBeEditable() {
    Office o = newOffice();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);

    assertThatThrownBy(() -> o.mm.outbound().edit(queued.id(), queued.version(), Compose.of(queued), o.alice))
        .isInstanceOf(ConflictException.class).hasMessageContaining("QUEUED");
  }

  @Test
  default void switchingTheSendingAccountShouldChangeTheFromAddress() {
    Office o = newOffice();
    OutboundMessage draft = o.mm.outbound().draft(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);

    OutboundMessage moved = o.mm.outbound().edit(draft.id(), draft.version(),
        Compose.of(draft).toBuilder().mailbox(o.alicePersonal.id()).build(), o.alice);

    assertThat(moved.mailbox()).isEqualTo(o.alicePersonal.id());
    assertThat(moved.letter().from()).isEqualTo(o.alicePersonal.address());
  }

  @Test
  default void cancelledMailShouldNeverBeSent() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);

    OutboundMessage cancelled = o.mm.outbound().cancel(queued.id(), o.bob);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    assertThat(cancelled.state()).isEqualTo(OutboundState.CANCELLED);
    assertThat(smtp.sent()).isEmpty();
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.CANCELLED, null, 10, o.alice).items())
        .extracting(OutboundMessage::id).containsExactly(queued.id());
    assertThatThrownBy(() -> o.mm.outbound().resend(queued.id(), o.alice)).isInstanceOf(ConflictException.class);
  }

  @Test
  default void sentMailShouldNotBeCancellable() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    assertThatThrownBy(() -> o.mm.outbound().cancel(queued.id(), o.alice)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("SENT");
  }

  @Test
  default void boxesShouldPageThroughOutboxAndSentNewestFirst() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();
    for (int i = 0; i < 5; i++) {
      o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject("n" + i).text("y").build(),
          o.alice);
      clock().advance(Duration.ofSeconds(1));
    }
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.OUTBOX, null, 10, o.bob).items()).hasSize(5);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    var first = o.mm.outbound().list(o.info.id(), OutboxView.SENT, null, 3, o.bob);
    var second = o.mm.outbound().list(o.info.id(), OutboxView.SENT, first.nextCursor(), 3, o.bob);
    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(2);
    assertThat(second.next()).isEmpty();
    assertThat(o.mm.outbound().list(o.info.id(), OutboxView.OUTBOX, null, 10, o.bob).items()).isEmpty();
    assertThatThrownBy(() -> o.mm.outbound().list(o.info.id(), OutboxView.SENT, null, 10, o.carol))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  default void forwardShouldAttachTheStoredFilesWithoutCopyingThem() {
    Office o = newOffice();
    byte[] pdf = new byte[20_000];
    new java.util.Random(7).nextBytes(pdf);
    IngestResult in = receive(o, o.info, Mails.from("jan@client.example", o.info.address(), "Umowa")
        .body("W załączeniu umowa.\n").attach("umowa.pdf", pdf).bytes());
    Attachment original = o.mm.triage().content(in.message(), o.alice).attachments().get(0);

    OutboundMessage draft = o.mm.outbound().forward(in.message(), o.alice);

    assertThat(draft.letter().subject()).isEqualTo("Fwd: Umowa");
    assertThat(draft.letter().text()).contains("Forwarded message", "W załączeniu umowa.");
    assertThat(draft.letter().attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("umowa.pdf");
      assertThat(a.blob()).isEqualTo(original.sha256());
      assertThat(a.size()).isEqualTo(pdf.length);
    });
    OutboundMessage edited = o.mm.outbound().edit(draft.id(), draft.version(),
        Compose.of(draft).toBuilder().to("prawnik@law.example").build(), o.alice);
    RecordingTransport smtp = new RecordingTransport();
    o.mm.outbound().queue(edited.id(), edited.version(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }
    OutboundMessage sent = o.mm.outbound().get(draft.id(), o.alice);
    MessageContent content = o.mm.triage().content(sent.delivery().sentMessage(), o.alice);
    assertThat(content.attachments()).singleElement().satisfies(a -> assertThat(a.sha256())
        .isEqualTo(original.sha256()));
    assertThat(readAll(o.mm.triage().attachment(sent.delivery().sentMessage(), 0, o.alice))).isEqualTo(pdf);
  }

  @Test
  default void uploadedFilesShouldTravelWithTheMessage() {
    Office o = newOffice();
    byte[] pdf = "%PDF-1.4 rozliczenie".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    RecordingTransport smtp = new RecordingTransport();

    o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject("Rozliczenie").text("x")
        .attach(AttachmentSource.upload("rozliczenie-łódź.pdf", "application/pdf", pdf)).build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    String wire = smtp.sent().get(0).text();
    assertThat(wire).contains("multipart/mixed", "application/pdf", "filename*=UTF-8''rozliczenie-%C5%82%C3%B3d%C5%BA.pdf");
    assertThat(wire).contains(java.util.Base64.getEncoder().encodeToString(pdf));
  }

  @Test
  default void htmlMailShouldBeSentAsAlternativeToText() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();

    o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").subject("x").text("plain")
        .html("<p>rich</p>").build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    assertThat(smtp.sent().get(0).text()).contains("multipart/alternative", "text/plain", "text/html", "<p>rich</p>");
  }

  @Test
  default void bccRecipientsShouldBeInTheEnvelopeOnly() {
    Office o = newOffice();
    RecordingTransport smtp = new RecordingTransport();

    o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example").bcc("boss@" + o.domain)
        .subject("x").text("y").build(), o.alice);
    try (Dispatcher d = dispatcherFor(o, smtp)) {
      d.runOnce();
    }

    RecordingTransport.Sent wire = smtp.sent().get(0);
    assertThat(wire.envelope().recipients()).containsExactly("jan@client.example", "boss@" + o.domain);
    assertThat(wire.text()).doesNotContain("boss@" + o.domain);
  }

  @Test
  default void listingOtherTenantsMailShouldNotBePossible() {
    Office o = newOffice();
    Office other = newOffice();
    OutboundMessage queued = o.mm.outbound().send(Compose.from(o.info.id()).to("jan@client.example")
        .subject("x").text("y").build(), o.alice);

    assertThatThrownBy(() -> other.mm.outbound().get(queued.id(), other.admin))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.mm.outbound().list(o.info.id(), OutboxView.OUTBOX, null, 10, other.admin))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.mm.outbound().cancel(queued.id(), other.admin))
        .isInstanceOf(NotFoundException.class);
  }

  /** Unused by some implementations; keeps the actor type in the contract's vocabulary. */
  default Actor anyone(Office o) {
    return o.alice;
  }

  /** Messages of a list, for readable assertions. */
  default List<String> subjects(List<OutboundMessage> list) {
    return list.stream().map(m -> m.letter().subject()).toList();
  }
}
