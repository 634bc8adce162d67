package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.OutboxView;
import org.mastermail.testkit.RecordingTransport;

/** Automatic replies and forwards leave through the outbound queue, queued with the message that caused them. */
class AutoReplyDeliveryTest {
  private final Fixture f = new Fixture();
  private final RecordingTransport smtp = new RecordingTransport();

  private void dispatch() {
    try (Dispatcher d = f.mm.dispatcher(DispatcherSettings.DEFAULTS, mailbox -> Optional.of(smtp))) {
      d.runOnce();
    }
  }

  private java.util.List<OutboundMessage> box(OutboxView view) {
    return f.mm.outbound().list(f.o.info.id(), view, null, 50, f.o.admin).items();
  }

  @Test
  void anAutomaticReplyShouldBeQueuedWithTheMessageAndSentWithTheNullSender() {
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'autoReply': {'subject': 'Re: {subject}',"
        + " 'text': 'Thank you, we received your message.'}}]}]}");

    Conversation c = f.ingest(f.mail("jan@client.example", "Keys").messageId("keys-1@client.example")
        .references("root@client.example"));

    assertThat(box(OutboxView.OUTBOX)).singleElement().satisfies(m -> {
      assertThat(m.conversation()).isEqualTo(c.id());
      assertThat(m.author()).isNull();
      assertThat(m.letter().autoSubmitted()).isTrue();
      assertThat(m.letter().to()).containsExactly("jan@client.example");
    });
    dispatch();
    assertThat(smtp.sent()).singleElement().satisfies(w -> {
      assertThat(w.envelope().sender()).isNull();
      assertThat(w.envelope().recipients()).containsExactly("jan@client.example");
      assertThat(w.header("Auto-Submitted")).isEqualTo("auto-replied");
      assertThat(w.header("X-Auto-Response-Suppress")).isEqualTo("All");
      assertThat(w.header("In-Reply-To")).isEqualTo("<keys-1@client.example>");
      assertThat(w.header("References")).isEqualTo("<root@client.example> <keys-1@client.example>");
      assertThat(w.header("Subject")).isEqualTo("Re: Keys");
    });
    assertThat(box(OutboxView.SENT)).singleElement().satisfies(m -> assertThat(m.state())
        .isEqualTo(OutboundState.SENT));
  }

  @Test
  void theRateLimitShouldHoldAcrossMessagesAndOnlyOneReplyBeSent() {
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'autoReply': {'text': 'Thanks.', 'days': 7}}]}]}");

    f.ingest(f.mail("jan@client.example", "one"));
    f.clock.advance(Duration.ofDays(1));
    f.ingest(f.mail("jan@client.example", "two"));
    dispatch();

    assertThat(smtp.sent()).hasSize(1);
  }

  @Test
  void anAutomaticMessageShouldQueueNoReply() {
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'autoReply': {'text': 'Thanks.'}}]}]}");

    f.ingest(f.mail("jan@client.example", "Out of office").header("Auto-Submitted", "auto-replied"));

    assertThat(box(OutboxView.OUTBOX)).isEmpty();
  }

  @Test
  void anInternalForwardShouldBeQueuedToTheColleague() {
    f.rule("{'subject': {'contains': 'faktura'}}", "[{'forward': '" + f.at("alice") + "'}]");

    f.ingest(f.mail("jan@client.example", "Faktura 12/2026").body("Proszę o fakturę."));
    dispatch();

    assertThat(smtp.sent()).singleElement().satisfies(w -> {
      assertThat(w.envelope().recipients()).containsExactly(f.at("alice"));
      assertThat(w.envelope().sender()).isEqualTo(f.o.info.address());
      assertThat(w.header("Subject")).isEqualTo("Fwd: Faktura 12/2026");
      assertThat(w.text()).contains("jan@client.example");
    });
  }
}
