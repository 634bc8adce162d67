package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.testkit.contract.Mails;

/** Rule sets, dry runs, explanations and absences through the API: what the rule engine decides, shown as it is. */
class RuleApiTest {
  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A rule set: leaks go to Alice, invoices are tagged. */
  private String rules() {
    return "{\"rules\": ["
        + "{\"id\": \"leaks\", \"conditions\": {\"subject\": {\"contains\": \"leak\"}},"
        + " \"actions\": [{\"assign\": \"alice@" + fx.office.domain + "\"}]},"
        + "{\"id\": \"invoices\", \"conditions\": {\"subject\": {\"contains\": \"invoice\"}},"
        + " \"actions\": [{\"tag\": \"invoice\"}]}]}";
  }

  private Client.Response save(Client c, String mailbox, long version, String rules) {
    return c.post("/api/admin/rules", "{\"mailbox\": " + (mailbox == null ? "null" : "\"" + mailbox + "\"")
        + ", \"version\": " + version + ", \"rules\": " + rules + "}");
  }

  private Conversation receive(String subject) {
    fx.clock.advance(Duration.ofMinutes(1)); // newest first must be well defined
    return fx.receive(fx.office, fx.office.info, Mails.from("jan@client.example", fx.office.info.address(), subject));
  }

  @Test
  void savedRulesShouldLoadBackWithTheirVersionAndRouteTheNextMessage() {
    Client admin = fx.as("admin");

    Client.Response saved = save(admin, null, 0, rules());
    JsonNode loaded = admin.get("/api/admin/rules").json();

    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("version").asLong()).isEqualTo(1);
    assertThat(loaded.get("version").asLong()).isEqualTo(1);
    assertThat(loaded.get("rules").get("rules").findValuesAsText("id")).containsExactly("leaks", "invoices");
    assertThat(receive("Water leak in flat 3").assignee()).isEqualTo(fx.office.alice.user());
  }

  @Test
  void aMailboxWithoutRulesShouldLoadAsVersionZero() {
    JsonNode loaded = fx.as("admin").get("/api/admin/rules?mailbox=" + fx.office.info.id()).json();

    assertThat(loaded.get("version").asLong()).isZero();
    assertThat(loaded.get("mailbox").asText()).isEqualTo(fx.office.info.id().toString());
    assertThat(loaded.get("rules").get("rules")).isEmpty();
  }

  @Test
  void aSaveAgainstAStaleVersionShouldBeRefusedWith409() {
    Client admin = fx.as("admin");
    save(admin, null, 0, rules());

    Client.Response stale = save(admin, null, 0, "{\"rules\": []}");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("error").asText()).contains("saved by someone else since version 0");
    assertThat(admin.get("/api/admin/rules").json().get("rules").get("rules")).hasSize(2);
  }

  @Test
  void invalidRulesShouldBeRefusedWithThePlaceOfTheMistake() {
    Client admin = fx.as("admin");

    Client.Response badRegex = save(admin, null, 0, "{\"rules\": [{\"id\": \"r\", \"conditions\": {\"subject\":"
        + " {\"regex\": \"(abc\"}}, \"actions\": [{\"tag\": \"x\"}]}]}");
    Client.Response unknownUser = save(admin, null, 0, "{\"rules\": [{\"id\": \"r\", \"actions\":"
        + " [{\"assign\": \"nobody@" + fx.office.domain + "\"}]}]}");
    Client.Response noVersion = admin.post("/api/admin/rules", "{\"rules\": {\"rules\": []}}");

    assertThat(badRegex.status()).isEqualTo(400);
    assertThat(badRegex.json().get("error").asText()).startsWith("rules[0].conditions.subject.regex: invalid pattern");
    assertThat(unknownUser.json().get("error").asText()).contains("rules[0].actions[0].assign: no user");
    assertThat(noVersion.json().get("error").asText()).startsWith("version");
    assertThat(admin.get("/api/admin/rules").json().get("version").asLong()).isZero();
  }

  @Test
  void aDryRunShouldReportWhichConversationsWouldChangeAndChangeNothing() {
    Conversation leak = receive("Leak under the sink");
    Conversation invoice = receive("Your invoice 12/2026");
    Conversation other = receive("Parking question");

    Client.Response r = fx.as("admin").post("/api/admin/rules/dry-run", "{\"mailbox\": \"" + fx.office.info.id()
        + "\", \"rules\": " + rules() + "}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("tried").asInt()).isEqualTo(3);
    assertThat(report.get("changed").asInt()).isEqualTo(2);
    JsonNode outcomes = report.get("outcomes"); // newest first
    assertThat(outcomes.get(0).get("conversation").asText()).isEqualTo(other.id().toString());
    assertThat(outcomes.get(0).get("changes").asBoolean()).isFalse();
    assertThat(outcomes.get(1).get("conversation").asText()).isEqualTo(invoice.id().toString());
    assertThat(outcomes.get(1).get("tagsAdded").toString()).isEqualTo("[\"invoice\"]");
    assertThat(outcomes.get(1).get("matched").toString()).isEqualTo("[\"invoices\"]");
    assertThat(outcomes.get(2).get("conversation").asText()).isEqualTo(leak.id().toString());
    assertThat(outcomes.get(2).get("assignee").asText()).isEqualTo(fx.office.alice.user().toString());
    assertThat(outcomes.get(2).get("matched").toString()).isEqualTo("[\"leaks\"]");
    assertThat(fx.office.reload(leak).assignee()).isNull();
    assertThat(fx.office.reload(invoice).tags()).isEmpty();
  }

  @Test
  void aDryRunShouldNameABadDraftOrLimit() {
    Client admin = fx.as("admin");

    Client.Response bad = admin.post("/api/admin/rules/dry-run", "{\"rules\": {\"rules\": [{\"id\": \"r\","
        + " \"actions\": [{\"fly\": true}]}]}}");
    Client.Response limit = admin.post("/api/admin/rules/dry-run", "{\"rules\": {\"rules\": []}, \"limit\": 0}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("rules[0].actions[0]");
    assertThat(limit.json().get("error").asText()).isEqualTo("limit must be 1 to 200, was 0");
  }

  @Test
  void explainShouldSayWhichRuleRoutedAMessageAndWhyTheOthersDidNot() {
    Client admin = fx.as("admin");
    save(admin, null, 0, rules());
    Conversation leak = receive("Leak in the cellar");
    String message = fx.mm.triage().get(leak.id(), fx.office.admin).messages().get(0).id().toString();

    JsonNode byMessage = admin.get("/api/admin/rules/explain?message=" + message).json();
    JsonNode byConversation = admin.get("/api/admin/rules/explain?conversation=" + leak.id()).json();

    assertThat(byMessage.get("matched").toString()).isEqualTo("[\"leaks\"]");
    assertThat(byMessage.get("decision").get("assignee").asText()).isEqualTo(fx.office.alice.user().toString());
    JsonNode invoices = byMessage.get("rules").get(1);
    assertThat(invoices.get("id").asText()).isEqualTo("invoices");
    assertThat(invoices.get("matched").asBoolean()).isFalse();
    assertThat(invoices.get("conditions").asText()).isEqualTo("subject contains \"invoice\" — was \"Leak in the cellar\"");
    assertThat(byMessage.get("assignment").asText()).contains("by rule leaks");
    assertThat(byConversation.get("message").asText()).isEqualTo(message);
    assertThat(admin.get("/api/admin/rules/explain").json().get("error").asText())
        .contains("name either message or conversation");
  }

  @Test
  void anAbsentUsersMailShouldGoToTheDeputyWhileTheAbsenceIsSet() {
    Client admin = fx.as("admin");
    save(admin, null, 0, rules());
    String alice = fx.office.alice.user().toString();
    String bob = fx.office.bob.user().toString();

    Client.Response set = admin.post("/api/admin/absences", Client.json("user", alice, "until",
        "2026-03-09T09:00:00Z", "deputy", bob));

    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(admin.get("/api/admin/absences").json().findValuesAsText("deputy")).containsExactly(bob);
    assertThat(receive("Leak while Alice is away").assignee()).isEqualTo(fx.office.bob.user());
    assertThat(admin.post("/api/admin/absences/" + alice + "/clear", "{}").status()).isEqualTo(204);
    assertThat(admin.get("/api/admin/absences").json()).isEmpty();
    assertThat(receive("Leak when Alice is back").assignee()).isEqualTo(fx.office.alice.user());
  }

  @Test
  void badAbsencesShouldBeNamed() {
    Client admin = fx.as("admin");
    String alice = fx.office.alice.user().toString();

    assertThat(admin.post("/api/admin/absences", Client.json("user", alice, "until", "2020-01-01T00:00:00Z"))
        .json().get("error").asText()).contains("until must be in the future");
    assertThat(admin.post("/api/admin/absences", Client.json("user", alice, "deputy", alice)).status())
        .isEqualTo(400);
    assertThat(admin.post("/api/admin/absences", Client.json("until", "2027-01-01T00:00:00Z")).json()
        .get("error").asText()).isEqualTo("user is required");
    assertThat(admin.post("/api/admin/absences/" + alice + "/clear", "{}").status()).isEqualTo(404);
  }
}
