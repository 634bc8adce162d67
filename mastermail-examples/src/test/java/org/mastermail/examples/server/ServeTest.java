package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.ServerConfig;
import org.mastermail.intake.IngestResult;
import org.mastermail.rules.RuleAdmin;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.contract.Mails;

/** {@code serve}: a config file becomes a running office, and starting again with it changes nothing. */
class ServeTest {
  private final String database = "jdbc:h2:mem:serve-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private ServerNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private String config(String bobsRole) {
    return """
        {"database": {"jdbcUrl": "%s", "username": "sa", "password": ""},
         "tenants": [{"name": "Lipowa Housing",
           "users": [
             {"email": "boss@lipowa.example", "name": "Barbara Boss", "role": "admin", "password": "boss-password"},
             {"email": "bob@lipowa.example", "name": "Bob", "role": "%s", "password": "bob-password"},
             {"email": "kasia@lipowa.example", "name": "Kasia", "role": "member"}],
           "mailboxes": [{"address": "biuro@lipowa.example", "name": "Biuro",
             "members": {"bob@lipowa.example": "member", "kasia@lipowa.example": "member"},
             "account": {"displayName": "Biuro Lipowa", "signature": "Lipowa Housing"}}],
           "rules": {"rules": [{"id": "german", "conditions": {"fromDomain": ["de"]},
             "actions": [{"assign": "kasia@lipowa.example"}]}]}}]}
        """.formatted(database, bobsRole);
  }

  private ServerNode start(String bobsRole) {
    node = ServerNode.builder(ServerConfig.parse(config(bobsRole), name -> null, null))
        .settings(ServerSettings.builder().host("127.0.0.1").port(0).build())
        .passwords(PasswordHasher.FOR_TESTS)
        .start();
    return node;
  }

  private Client login(String email, String password) {
    Client c = new Client(URI.create("http://127.0.0.1:" + node.server().port()));
    assertThat(c.login(email, password).status()).isEqualTo(200);
    return c;
  }

  @Test
  void aConfiguredOfficeShouldBeCreatedWithItsLoginsMailboxesAndRules() {
    start("member");
    MasterMail mm = node.masterMail();
    Actor boss = node.mailboxes().get(0).admin();

    IngestResult r = mm.intake().ingest(boss.tenant(), node.mailboxes().get(0).mailbox().id(),
        new ByteArrayInputStream(Mails.from("klaus@example.de", "biuro@lipowa.example", "Heizung").bytes()), null);

    Client bob = login("bob@lipowa.example", "bob-password");
    assertThat(bob.get("/api/mailboxes").json().findValuesAsText("address")).containsExactly("biuro@lipowa.example");
    assertThat(bob.get("/api/accounts").json().get(0).get("displayName").asText()).isEqualTo("Biuro Lipowa");
    Conversation routed = mm.triage().get(r.conversation(), boss).conversation();
    assertThat(routed.assignee()).isEqualTo(userId(mm, boss, "kasia@lipowa.example"));
    // a user without a password in the config has no login
    assertThat(node.logins().exists("kasia@lipowa.example")).isFalse();
  }

  @Test
  void startingAgainWithTheSameConfigShouldChangeNothing() {
    start("member");
    Actor boss = node.mailboxes().get(0).admin();
    long rulesVersion = RuleAdmin.of(node.masterMail()).load(boss.tenant(), null).orElseThrow().version();
    int users = node.masterMail().admin().users().list(boss).size();
    node.close();

    start("member");

    assertThat(node.mailboxes().get(0).admin()).isEqualTo(boss);
    assertThat(node.masterMail().admin().users().list(boss)).hasSize(users);
    assertThat(node.masterMail().admin().mailboxes().list(boss)).hasSize(1);
    assertThat(RuleAdmin.of(node.masterMail()).load(boss.tenant(), null).orElseThrow().version())
        .isEqualTo(rulesVersion);
    login("boss@lipowa.example", "boss-password");
  }

  @Test
  void aChangedRoleShouldBeAppliedOnTheNextStartButAPasswordOnlySetOnce() {
    start("member");
    Actor boss = node.mailboxes().get(0).admin();
    node.logins().setPassword("bob@lipowa.example", Actor.of(boss.tenant(), userId(node.masterMail(), boss,
        "bob@lipowa.example")), "bobs-own-choice");
    node.close();

    start("manager");

    assertThat(node.masterMail().admin().users().list(boss).stream()
        .filter(u -> u.email().equals("bob@lipowa.example")).findFirst().orElseThrow().role()).isEqualTo("manager");
    login("bob@lipowa.example", "bobs-own-choice");
  }

  private static UserId userId(MasterMail mm, Actor boss, String email) {
    return mm.admin().users().list(boss).stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow()
        .id();
  }
}
