package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.testkit.contract.Mails;

/**
 * What the web UI needs beyond the triage API: templates, sending a kept draft, inbox rows with their sender, and
 * live update events.
 */
class WebSupportApiTest {
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

  @Test
  void anAdminShouldKeepTemplatesThatAMemberRepliesWith() {
    Conversation c = incoming();
    Client admin = fx.as("admin");
    Client alice = fx.as("alice");
    Client.Response saved = admin.post("/api/templates", Client.json("mailbox", fx.office.info.id().toString(),
        "name", "lift", "subject", "Re: {{subject}}", "text", "Dear {{name}},\nthe lift is being repaired.\n{{me}}"));
    String id = saved.json().get("id").asText();

    JsonNode listed = alice.get("/api/templates?mailbox=" + fx.office.info.id()).json();
    Client.Response reply = alice.post("/api/conversations/" + c.id() + "/reply",
        Client.json("template", id, "text", "PS: tomorrow at 9.", "queue", false));

    assertThat(saved.status()).isEqualTo(201);
    assertThat(listed.findValuesAsText("name")).containsExactly("lift");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("text").asText())
        .startsWith("Dear Jan Kowalski,\nthe lift is being repaired.\nAlice\n\nPS: tomorrow at 9.\n\n")
        .contains("> winda stoi od wczoraj.");
  }

  @Test
  void templatesShouldBeRefusedToMembersAndWhenMalformedOrIncomplete() {
    Conversation c = incoming();
    Client admin = fx.as("admin");
    Client alice = fx.as("alice");

    Client.Response byMember = alice.post("/api/templates", Client.json("mailbox", fx.office.info.id().toString(),
        "name", "x", "subject", "s", "text", "t"));
    Client.Response malformed = admin.post("/api/templates", Client.json("mailbox",
        fx.office.info.id().toString(), "name", "broken", "subject", "s", "text", "Dear {{#name}"));
    Client.Response noName = admin.post("/api/templates", Client.json("mailbox", fx.office.info.id().toString(),
        "subject", "s", "text", "t"));
    String id = admin.post("/api/templates", Client.json("mailbox", fx.office.info.id().toString(), "name",
        "contract", "subject", "s", "text", "Contract {{contractNumber}}")).json().get("id").asText();
    Client.Response missingVariable = alice.post("/api/conversations/" + c.id() + "/reply",
        Client.json("template", id));
    Client.Response unknown = alice.post("/api/conversations/" + c.id() + "/reply",
        Client.json("template", "00000000-0000-0000-0000-000000000001"));

    assertThat(byMember.status()).isEqualTo(403);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("error").asText()).contains("name");
    assertThat(missingVariable.status()).isEqualTo(400);
    assertThat(missingVariable.json().get("error").asText()).contains("contractNumber");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(alice.get("/api/outbound?mailbox=" + fx.office.info.id() + "&view=drafts").json().get("items"))
        .as("a refused reply leaves no draft").isEmpty();
    assertThat(fx.anonymous().get("/api/templates?mailbox=" + fx.office.info.id()).status()).isEqualTo(401);
  }

  @Test
  void aTemplateShouldBeDeletable() {
    Client admin = fx.as("admin");
    String id = admin.post("/api/templates", Client.json("mailbox", fx.office.info.id().toString(), "name",
        "gone", "subject", "s", "text", "t")).json().get("id").asText();

    Client.Response byMember = fx.as("alice").post("/api/templates/" + id + "/delete", "{}");
    Client.Response deleted = admin.post("/api/templates/" + id + "/delete", "{}");

    assertThat(byMember.status()).isEqualTo(403);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(admin.get("/api/templates?mailbox=" + fx.office.info.id()).json()).isEmpty();
  }

  @Test
  void aKeptDraftShouldBeQueuedAtItsVersion() {
    Conversation c = incoming();
    Client alice = fx.as("alice");
    JsonNode draft = alice.post("/api/conversations/" + c.id() + "/reply",
        Client.json("text", "Later.", "queue", false)).json();
    String path = "/api/outbound/" + draft.get("id").asText() + "/queue";

    Client.Response noVersion = alice.post(path, "{}");
    Client.Response stale = alice.post(path, Client.json("version", draft.get("version").asLong() - 1));
    Client.Response byBob = fx.as("bob").post(path, Client.json("version", draft.get("version").asLong()));
    Client.Response queued = alice.post(path, Client.json("version", draft.get("version").asLong()));

    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(byBob.status()).isIn(403, 404);
    assertThat(queued.status()).isEqualTo(200);
    assertThat(queued.json().get("state").asText()).isEqualTo("QUEUED");
  }

  @Test
  void aKeptDraftShouldBeEditableAtItsVersion() {
    Conversation c = incoming();
    Client alice = fx.as("alice");
    JsonNode draft = alice.post("/api/conversations/" + c.id() + "/reply",
        Client.json("text", "First thought.", "queue", false)).json();
    String path = "/api/outbound/" + draft.get("id").asText() + "/edit";
    long version = draft.get("version").asLong();

    Client.Response edited = alice.post(path, "{\"version\": " + version + ", \"subject\": \"Re: Winda – termin\", "
        + "\"text\": \"Serwis będzie jutro.\", \"to\": [\"jan@client.example\", \"anna@client.example\"]}");
    Client.Response stale = alice.post(path, Client.json("version", version, "text", "again"));
    Client.Response badAddress = alice.post(path, "{\"version\": " + edited.json().get("version").asLong()
        + ", \"to\": [\"not an address\"]}");
    Client.Response injected = alice.post(path, Client.json("version", edited.json().get("version").asLong(),
        "subject", "Hi\r\nBcc: all@example.com"));

    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().get("subject").asText()).isEqualTo("Re: Winda – termin");
    assertThat(edited.json().get("text").asText()).isEqualTo("Serwis będzie jutro.");
    assertThat(edited.json().get("to").toString()).contains("jan@client.example", "anna@client.example");
    assertThat(edited.json().get("inReplyTo").asText()).contains("lift-1@client.example");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.json().get("error").asText()).contains("not an address");
    assertThat(injected.status()).isEqualTo(400);
    assertThat(alice.get("/api/outbound/" + draft.get("id").asText()).json().get("subject").asText())
        .as("refused edits leave the draft as it was").isEqualTo("Re: Winda – termin");
  }

  @Test
  void meShouldListThePermissionsHeldTenantWide() {
    JsonNode admin = fx.as("admin").get("/api/me").json().get("permissions");
    JsonNode alice = fx.as("alice").get("/api/me").json().get("permissions");

    assertThat(admin.toString()).contains("\"MANAGE_RULES\"", "\"VIEW_REPORTS\"", "\"MANAGE_PERMISSIONS\"");
    // a member's role applies in the mailboxes she belongs to: nothing of it is tenant-wide
    assertThat(alice.toString()).doesNotContain("MANAGE_RULES", "VIEW_REPORTS", "TAKE");
  }

  @Test
  void inboxRowsShouldNameTheirSenderWhenAsked() {
    Conversation c = incoming();
    Client alice = fx.as("alice");

    JsonNode plain = alice.get("/api/conversations?view=inbox").json().get("items").get(0);
    JsonNode withFrom = alice.get("/api/conversations?view=inbox&include=from").json().get("items").get(0);

    assertThat(plain.get("from").isNull()).isTrue();
    assertThat(withFrom.get("id").asText()).isEqualTo(c.id().toString());
    assertThat(withFrom.get("from").asText()).isEqualTo("jan@client.example");
    assertThat(withFrom.get("fromName").asText()).isEqualTo("Jan Kowalski");
    assertThat(withFrom.get("messageCount").asInt()).isEqualTo(1);
    JsonNode message = alice.get("/api/conversations/" + c.id()).json().get("messages").get(0);
    assertThat(message.get("fromName").asText()).isEqualTo("Jan Kowalski");
  }

  @Test
  void aBrowserShouldHearOfChangesInItsTenantAsServerSentEvents() throws Exception {
    Conversation c = incoming();
    Client alice = fx.as("alice");
    HttpClient http = HttpClient.newHttpClient();
    String cookie = alice.cookieHeader();

    HttpResponse<InputStream> anonymous = http.send(HttpRequest.newBuilder(fx.uri().resolve("/api/events"))
        .build(), HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(fx.uri().resolve("/api/events"))
        .header("Cookie", cookie).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
    assertThat(nextEvent(lines)).isEqualTo("hello");

    assertThat(alice.post("/api/conversations/" + c.id() + "/take", "{}").status()).isEqualTo(200);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    assertThat(nextEvent(lines)).isEqualTo("changed");
    assertThat(fx.live.connections()).isEqualTo(1);
    stream.body().close();
  }

  /** The name of the next server-sent event, read within ten seconds. */
  private static String nextEvent(BufferedReader lines) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("event:")) {
            return line.substring("event:".length()).trim();
          }
        }
        return "end of stream";
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theWebUiShouldBeServedWithAStrictContentSecurityPolicy() {
    Client.Response page = fx.anonymous().get("/");
    Client.Response script = fx.anonymous().get("/app.js");
    Client.Response chart = fx.anonymous().get("/vendor/uplot/uPlot.iife.min.js");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/app.js\" type=\"module\">").doesNotContain("http://",
        "https://");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("object-src 'none'")
        .doesNotContain("unsafe-eval");
    assertThat(script.status()).isEqualTo(200);
    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.body()).contains("uPlot");
  }
}
