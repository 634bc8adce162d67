package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.permission.Permission;
import org.mastermail.testkit.RecordingTransport;
import org.mastermail.testkit.contract.Mails;

/** Replies and the outbox through the API; a dispatcher sends what was queued. */
class OutboundApiTest {
  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private Conversation incoming() {
    return fx.receive(fx.office, fx.office.info, Mails.from("Jan Kowalski <jan@client.example>",
        fx.office.info.address(), "Winda nie działa").messageId("lift-1@client.example")
        .body("Dzień dobry,\nwinda stoi od wczoraj.\n"));
  }

  private void dispatch() {
    try (Dispatcher d = fx.mm.dispatcher(DispatcherSettings.DEFAULTS)) {
      d.runOnce();
    }
  }

  private String reply(Conversation c) {
    return "/api/conversations/" + c.id() + "/reply";
  }

  @Test
  void aReplyShouldBeQueuedAndThenSentByTheDispatcherWithItsThreadingHeaders() {
    Conversation c = incoming();
    Client alice = fx.as("alice");

    Client.Response queued = alice.post(reply(c), Client.json("text", "Serwis przyjedzie jutro o 9:00."));
    dispatch();

    assertThat(queued.status()).isEqualTo(201);
    assertThat(queued.json().get("state").asText()).isEqualTo("QUEUED");
    assertThat(queued.json().get("to").get(0).asText()).isEqualTo("jan@client.example");
    RecordingTransport.Sent sent = fx.smtp.sent().get(0);
    assertThat(sent.envelope().recipients()).containsExactly("jan@client.example");
    assertThat(sent.header("In-Reply-To")).isEqualTo("<lift-1@client.example>");
    assertThat(sent.header("Subject")).contains("Re:");
    assertThat(fx.smtp.sent()).hasSize(1);
    JsonNode sentBox = alice.get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=sent").json();
    assertThat(sentBox.get("items").get(0).get("text").asText()).startsWith("Serwis przyjedzie jutro o 9:00.\n\n")
        .contains("> winda stoi od wczoraj.");
  }

  @Test
  void aReplyKeptAsADraftShouldWaitInTheAuthorsDrafts() {
    Conversation c = incoming();
    Client alice = fx.as("alice");

    Client.Response draft = alice.post(reply(c), Client.json("text", "Draft only", "queue", false));
    dispatch();

    assertThat(draft.json().get("state").asText()).isEqualTo("DRAFT");
    assertThat(fx.smtp.sent()).isEmpty();
    assertThat(alice.get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=drafts").json().get("items"))
        .hasSize(1);
    assertThat(fx.as("bob").get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=drafts").json()
        .get("items")).isEmpty();
  }

  @Test
  void aReplyFromAMailboxTheUserDoesNotSeeShouldBe404AndLeaveNoDraft() {
    Conversation c = incoming();
    Mailbox sales = fx.office.sales;
    Client alice = fx.as("alice");

    Client.Response refused = alice.post(reply(c), Client.json("text", "From sales?", "mailbox",
        sales.id().toString()));

    assertThat(refused.status()).isEqualTo(404);
    assertThat(alice.get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=drafts").json().get("items"))
        .isEmpty();
  }

  @Test
  void aMemberDeniedSendAsShouldBeRefusedWith403() {
    Conversation c = incoming();
    fx.mm.admin().permissions().deny(fx.office.bob.user(), fx.office.info.id(), Permission.SEND_AS, Set.of(),
        fx.office.admin);
    Client bob = fx.as("bob");

    Client.Response refused = bob.post(reply(c), Client.json("text", "May I?"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(bob.get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=drafts").json().get("items"))
        .isEmpty();
  }

  @Test
  void aConversationWithoutReceivedMailShouldHaveNothingToReplyTo() {
    Conversation byHand = fx.office.open(fx.office.info, "Phone call");
    Client alice = fx.as("alice");

    Client.Response r = alice.post(reply(byHand), "{}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("no received message");
  }

  @Test
  void theSendingAccountsShouldBeTheMailboxesTheUserMaySendFrom() {
    JsonNode accounts = fx.as("alice").get("/api/accounts").json();

    assertThat(accounts.findValuesAsText("address")).containsExactlyInAnyOrder(fx.office.info.address(),
        fx.office.alicePersonal.address());
  }

  @Test
  void aQueuedReplyShouldBeCancellable() {
    Conversation c = incoming();
    Client alice = fx.as("alice");
    String id = alice.post(reply(c), "{}").json().get("id").asText();

    Client.Response cancelled = alice.post("/api/outbound/" + id + "/cancel", "{}");
    dispatch();

    assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
    assertThat(fx.smtp.sent()).isEmpty();
  }

  @Test
  void theOutboxShouldNeedAMailbox() {
    Client.Response r = fx.as("alice").get("/api/outbound?view=sent");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("mailbox is required");
  }
}
