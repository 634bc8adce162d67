package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.rule.StoredRules;

/** Saving and loading rule sets through storage. */
class RuleAdminTest {
  private final Fixture f = new Fixture();

  @Test
  void savedRulesShouldLoadBackWithTheirVersion() {
    RuleSet set = RuleSet.of(Rule.of("a", Condition.fromDomain("client.example"), new Action.Tag(List.of("x"))));
    long v1 = f.admin.save(f.tenant(), null, set, 0);
    long v2 = f.admin.save(f.tenant(), null, set, v1);

    assertThat(v1).isEqualTo(1);
    assertThat(v2).isEqualTo(2);
    RuleAdmin.Versioned loaded = f.admin.load(f.tenant(), null).orElseThrow();
    assertThat(loaded.rules()).isEqualTo(set);
    assertThat(loaded.version()).isEqualTo(2);
    assertThat(f.admin.loadJson(f.tenant(), null).orElseThrow()).contains("\"fromDomain\" : \"client.example\"");
    assertThat(f.admin.load(f.tenant(), f.o.info.id())).isEmpty();
  }

  @Test
  void usersShouldNeedManageRulesToEditRules() {
    RuleSet set = RuleSet.of(Rule.of("a", Rule.ALWAYS, new Action.Tag(List.of("x"))));

    assertThatThrownBy(() -> f.admin.save(null, set, 0, f.o.alice))
        .isInstanceOf(org.mastermail.PermissionDeniedException.class).hasMessageContaining("MANAGE_RULES");
    assertThatThrownBy(() -> f.admin.load(null, f.o.alice))
        .isInstanceOf(org.mastermail.PermissionDeniedException.class);
    assertThat(f.admin.load(f.tenant(), null)).as("nothing saved").isEmpty();

    long v = f.admin.save(null, set, 0, f.o.admin);
    assertThat(f.admin.load(null, f.o.admin).orElseThrow().version()).isEqualTo(v);
    f.mm.admin().permissions().grant(f.o.alice.user(), null, org.mastermail.permission.Permission.MANAGE_RULES,
        java.util.Set.of(), f.o.admin);
    assertThat(f.admin.saveJson(null, RuleSetJson.write(set), v, f.o.alice)).isEqualTo(v + 1);
  }

  @Test
  void aSaveAgainstAnOldVersionShouldFail() {
    RuleSet set = RuleSet.of(Rule.of("a", Rule.ALWAYS, new Action.Tag(List.of("x"))));
    f.admin.save(f.tenant(), null, set, 0);
    f.admin.save(f.tenant(), null, set, 1);
    assertThatThrownBy(() -> f.admin.save(f.tenant(), null, set, 1)).isInstanceOf(ConflictException.class);
  }

  @Test
  void unknownUsersAndStatusesShouldBeRejectedWithTheirPosition() {
    assertThatThrownBy(() -> f.tenantRules("{'rules': [{'id': 'a', 'actions': [{'tag': 'x'},"
        + " {'assign': 'ghost@nowhere.example'}]}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rules[0].actions[1].assign: no user 'ghost@nowhere.example' in the tenant");
    assertThatThrownBy(() -> f.tenantRules("{'rules': [{'id': 'a', 'actions': [{'tag': 'x'}]},"
        + " {'id': 'b', 'actions': [{'status': 'on holiday'}]}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rules[1].actions[0].status: no status named \"on holiday\" in the tenant");
    assertThatThrownBy(() -> f.tenantRules("{'rules': [{'id': 'a', 'actions': [{'assignTeam': {'name': 'd',"
        + " 'members': ['" + f.at("alice") + "', 'ghost@nowhere.example'], 'strategy': 'random'}}]}]}"))
        .hasMessageStartingWith("rules[0].actions[0].assignTeam.members[1]: no user");
  }

  @Test
  void rulesForAnUnknownMailboxShouldBeRejected() {
    assertThatThrownBy(() -> f.admin.save(f.tenant(), MailboxId.random(), RuleSet.EMPTY, 0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aBrokenStoredRuleSetShouldRouteNothingAndSaySo() {
    f.mm.storage().useTransaction(s -> s.rules().save(new StoredRules(f.tenant(), null, "{\"rules\": [{}]}", 1,
        f.clock.instant())));
    Conversation c = f.ingest(f.mail("jan@client.example", "x"));
    assertThat(c.unassigned()).isTrue();
    assertThat(f.trace(c)).singleElement().asString().startsWith("tenant rules v1 cannot be used: rules[0].id");
  }

  @Test
  void routingTracesShouldListOneTracePerRoutedMessage() {
    f.rule("{'fromDomain': 'client.example'}", "[{'tag': 'vip'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "Keys").messageId("k@client.example"));
    f.ingest(f.mail("jan@client.example", "Re: Keys").inReplyTo("k@client.example"));
    assertThat(RuleAdmin.routingTraces(f.mm, c.id(), f.o.admin)).hasSize(2);
  }
}
