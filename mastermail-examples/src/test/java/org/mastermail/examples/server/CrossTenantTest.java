package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mastermail.conversation.Conversation;
import org.mastermail.testkit.contract.Mails;

/**
 * The other tenant's admin, holding every permission in their own office, reaches nothing of this one through any
 * conversation, message, outbound or template route: each answers 404 (or 403) and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantTest {
  private ServerFixture fx;
  private Conversation conversation;
  private String message;
  private String draft;
  private String template;
  private String info;

  @BeforeAll
  void start() {
    fx = new ServerFixture();
    conversation = fx.receive(fx.office, fx.office.info, Mails.from("jan@client.example", fx.office.info.address(),
        "Private to the first office").body("Only for this office.\n"));
    message = fx.mm.triage().get(conversation.id(), fx.office.admin).messages().get(0).id().toString();
    info = fx.office.info.id().toString();
    draft = fx.as("alice").post("/api/conversations/" + conversation.id() + "/reply",
        Client.json("text", "A draft.", "queue", false)).json().get("id").asText();
    template = fx.as("admin").post("/api/templates", Client.json("mailbox", info, "name", "t", "subject", "s",
        "text", "t")).json().get("id").asText();
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  Stream<String> reads() {
    return Stream.of("/api/conversations/" + conversation.id(), "/api/messages/" + message + "/raw",
        "/api/messages/" + message + "/attachments/0", "/api/outbound/" + draft, "/api/outbound?mailbox=" + info,
        "/api/outbound?mailbox=" + info + "&view=drafts", "/api/templates?mailbox=" + info);
  }

  Stream<Arguments> changes() {
    String c = "/api/conversations/" + conversation.id() + "/";
    String stranger = fx.otherOffice.admin.user().toString();
    return Stream.of(
        Arguments.of(c + "take", "{}"),
        Arguments.of(c + "assign", Client.json("assignee", stranger)),
        Arguments.of(c + "status", Client.json("status", fx.office.reload(conversation).status().toString())),
        Arguments.of(c + "due", Client.json("urgent", true)),
        Arguments.of(c + "tags", "{\"add\": [\"stolen\"]}"),
        Arguments.of(c + "links", "{\"add\": [{\"type\": \"case\", \"id\": \"1\"}]}"),
        Arguments.of(c + "notes", Client.json("body", "hello")),
        Arguments.of(c + "read", "{}"),
        Arguments.of(c + "reply", Client.json("text", "hi")),
        Arguments.of("/api/outbound/" + draft + "/edit", Client.json("version", 1, "text", "changed")),
        Arguments.of("/api/outbound/" + draft + "/queue", Client.json("version", 1)),
        Arguments.of("/api/outbound/" + draft + "/cancel", "{}"),
        Arguments.of("/api/outbound/" + draft + "/resend", "{}"),
        Arguments.of("/api/templates", Client.json("mailbox", info, "name", "mine", "subject", "s", "text", "t")),
        Arguments.of("/api/templates/" + template + "/delete", "{}"));
  }

  @ParameterizedTest
  @MethodSource("reads")
  void readsShouldFindNothing(String path) {
    Client.Response r = fx.as(fx.otherOffice, "admin").get(path);

    assertThat(r.status()).isIn(403, 404);
    assertThat(r.body()).doesNotContain("Only for this office", "A draft.", conversation.subject());
  }

  @ParameterizedTest
  @MethodSource("changes")
  void changesShouldBeRefusedAndChangeNothing(String path, String body) {
    Client.Response r = fx.as(fx.otherOffice, "admin").post(path, body);

    assertThat(r.status()).isIn(403, 404);
    Conversation now = fx.office.reload(conversation);
    assertThat(now.assignee()).isNull();
    assertThat(now.tags()).doesNotContain("stolen");
    assertThat(now.links()).isEmpty();
    assertThat(now.urgent()).isFalse();
    JsonNode details = fx.as("admin").get("/api/conversations/" + conversation.id()).json();
    assertThat(details.get("notes")).isEmpty();
    JsonNode kept = fx.as("alice").get("/api/outbound/" + draft).json();
    assertThat(kept.get("state").asText()).isEqualTo("DRAFT");
    assertThat(kept.get("text").asText()).startsWith("A draft.");
    assertThat(fx.as("admin").get("/api/templates?mailbox=" + info).json().findValuesAsText("name"))
        .containsExactly("t");
  }
}
