package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;

/** The daily statistics through the API: figures for managers, refused to members, bad input named. */
class StatsApiTest {
  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private static JsonNode row(JsonNode report, String name) {
    for (JsonNode u : report.get("users")) {
      if (u.get("name").asText().equals(name)) {
        return u;
      }
    }
    throw new AssertionError("no row for " + name + " in " + report);
  }

  @Test
  void aManagerShouldSeeTheDaysFiguresPerUserAndTheBacklog() {
    Conversation leak = fx.receive("Leak in the cellar");
    fx.receive("Still unassigned");
    fx.mm.triage().take(leak.ref(), fx.office.alice);

    Client.Response r = fx.as("manager").get("/api/stats/daily?date=2026-03-02&zone=Europe/Warsaw&reactionHours=12");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("date").asText()).isEqualTo("2026-03-02");
    assertThat(report.get("zone").asText()).isEqualTo("Europe/Warsaw");
    assertThat(row(report, "Alice").get("taken").asLong()).isEqualTo(1);
    assertThat(row(report, "Alice").get("open").asLong()).isEqualTo(1);
    JsonNode info = null;
    for (JsonNode m : report.get("mailboxes")) {
      if (m.get("address").asText().equals(fx.office.info.address())) {
        info = m;
      }
    }
    assertThat(info).isNotNull();
    assertThat(info.get("unassigned").asLong()).isEqualTo(1);
  }

  @Test
  void aMemberShouldBeRefused() {
    Client.Response r = fx.as("alice").get("/api/stats/daily");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("error").asText()).contains("VIEW_REPORTS");
  }

  @Test
  void aBadDateOrZoneShouldBeNamed() {
    Client manager = fx.as("manager");

    assertThat(manager.get("/api/stats/daily?date=yesterday").json().get("error").asText()).contains("date");
    assertThat(manager.get("/api/stats/daily?zone=Mars/Olympus").status()).isEqualTo(400);
    assertThat(manager.get("/api/stats/daily?reactionHours=0").status()).isEqualTo(400);
  }

  @Test
  void anotherTenantsWorkShouldNotAppear() {
    fx.mm.triage().take(fx.receive("Mine").ref(), fx.office.alice);

    JsonNode report = fx.as(fx.otherOffice, "manager").get("/api/stats/daily?date=2026-03-02").json();

    for (JsonNode u : report.get("users")) {
      assertThat(u.get("taken").asLong()).isZero();
    }
  }
}
