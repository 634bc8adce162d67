package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;

/** Every route but health and login needs a session; every change needs the CSRF token; errors are JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
  private ServerFixture fx;
  private String conversation;
  private String message;

  @BeforeAll
  void start() {
    fx = new ServerFixture();
    Conversation c = fx.receive("Broken heating");
    conversation = c.id().toString();
    message = fx.mm.triage().get(c.id(), fx.office.admin).messages().get(0).id().toString();
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  Stream<String> protectedReads() {
    return Stream.of("/api/me", "/api/conversations", "/api/conversations?view=all", "/api/counts",
        "/api/conversations/" + conversation, "/api/messages/" + message + "/raw",
        "/api/messages/" + message + "/attachments/0", "/api/outbound?mailbox=" + fx.office.info.id(),
        "/api/outbound/" + UUID.randomUUID(), "/api/accounts", "/api/mailboxes", "/api/users",
        "/api/statuses", "/api/stats/daily", "/api/templates?mailbox=" + fx.office.info.id(), "/api/events");
  }

  Stream<String> changes() {
    String outbound = "/api/outbound/" + UUID.randomUUID();
    return Stream.concat(Stream.of("/api/logout", "take", "assign", "status", "due", "tags", "links", "notes", "read",
        "reply").map(a -> a.startsWith("/") ? a : "/api/conversations/" + conversation + "/" + a),
        Stream.of(outbound + "/edit", outbound + "/queue", outbound + "/cancel", outbound + "/resend",
            "/api/templates", "/api/templates/" + UUID.randomUUID() + "/delete"));
  }

  @ParameterizedTest
  @MethodSource("protectedReads")
  void everyReadShouldAnswer401WithoutASession(String path) {
    Client.Response r = fx.anonymous().get(path);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().get("error").asText()).isEqualTo("not logged in");
    assertThat(r.json().get("status").asInt()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("changes")
  void everyChangeShouldAnswer401WithoutASession(String path) {
    assertThat(fx.anonymous().post(path, "{}").status()).isEqualTo(401);
  }

  @ParameterizedTest
  @MethodSource("changes")
  void everyChangeWithoutTheCsrfTokenShouldBeRefusedWith403(String path) {
    Client alice = fx.as("alice");

    Client.Response r = alice.postWithCsrf(path, "{}", null);

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("error").asText()).contains("X-CSRF-Token");
  }

  @Test
  void anotherSessionsCsrfTokenShouldBeRefused() {
    Client alice = fx.as("alice");
    Client bob = fx.as("bob");

    assertThat(alice.postWithCsrf("/api/conversations/" + conversation + "/take", "{}", bob.csrf()).status())
        .isEqualTo(403);
    assertThat(fx.mm.triage().get(ConversationId.of(conversation), fx.office.admin).conversation().unassigned())
        .isTrue();
  }

  @Test
  void aBodyThatIsNotJsonShouldBeRefusedWith415() {
    Client alice = fx.as("alice");

    Client.Response r = alice.postAs("/api/conversations/" + conversation + "/notes",
        "application/x-www-form-urlencoded", "body=hello");

    assertThat(r.status()).isEqualTo(415);
  }

  @Test
  void anUnknownEndpointShouldAnswer404AsJson() {
    Client.Response r = fx.as("alice").get("/api/nothing-here");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void aMalformedIdShouldBeABadRequest() {
    Client.Response r = fx.as("alice").get("/api/conversations/not-a-uuid");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("not a valid ConversationId");
  }

  @Test
  void malformedJsonShouldBeABadRequest() {
    Client.Response r = fx.as("alice").post("/api/conversations/" + conversation + "/notes", "{\"body\": ");

    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void answersShouldForbidSniffingFramingAndCaching() {
    Client.Response r = fx.as("alice").get("/api/me");

    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
  }
}
