package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageId;
import org.mastermail.testkit.contract.Office;

/** Explain and dry-run as a user does them: MANAGE_RULES, only mail the user sees, past mail read back from storage. */
class RuleToolsForUsersTest {
  private final Fixture f = new Fixture();

  private MessageId firstMessage(Conversation c) {
    return f.mm.triage().get(c.id(), f.o.admin).messages().get(0).id();
  }

  @Test
  void explainShouldSayWhichRuleRoutedAStoredMessageAndWhy() {
    f.tenantRules("{'rules': ["
        + "{'id': 'invoices', 'conditions': {'subject': {'contains': 'invoice'}}, 'actions': [{'tag': 'invoice'}]},"
        + "{'id': 'vip', 'conditions': {'header': {'name': 'X-Client', 'equals': 'vip'}},"
        + " 'actions': [{'assign': '" + f.at("alice") + "'}]}]}");
    Conversation c = f.ingest(f.mail("jan@client.example", "Keys").header("X-Client", "vip"));
    assertThat(c.assignee()).isEqualTo(f.o.alice.user());

    Explanation e = f.admin.explain(f.engine, firstMessage(c), f.o.admin);

    assertThat(e.rule("invoices").orElseThrow().matched()).isFalse();
    assertThat(e.rule("vip").orElseThrow().matched()).isTrue(); // the header came back from the raw message
    assertThat(e.decision().assignee()).isEqualTo(f.o.alice.user()); // explained as routing saw it: unassigned
  }

  @Test
  void explainShouldNeedManageRulesAndASeenMessage() {
    Conversation c = f.ingest(f.mail("jan@client.example", "Keys"));
    Office other = Office.create(f.mm);

    assertThatThrownBy(() -> f.admin.explain(f.engine, firstMessage(c), f.o.alice))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("MANAGE_RULES");
    assertThatThrownBy(() -> f.admin.explain(f.engine, firstMessage(c), other.admin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void dryRunShouldTryADraftOnTheMailboxsNewestConversations() {
    Conversation jan = f.ingest(f.mail("jan@client.example", "Keys"));
    f.clock.advance(Duration.ofMinutes(1));
    Conversation eva = f.ingest(f.mail("eva@other.example", "Heating"));
    RuleSet draft = RuleSetJson.parse(Fixture.json("{'rules': [{'id': 'vip', 'conditions': {'fromDomain': "
        + "'client.example'}, 'actions': [{'assign': '" + f.at("bob") + "'}, {'tag': 'vip'}]}]}"));

    DryRun.Report report = f.admin.dryRun(f.engine, f.o.info.id(), draft, 10, f.o.admin);

    assertThat(report.outcomes()).extracting(o -> o.input().conversation().id())
        .containsExactly(eva.id(), jan.id()); // newest first
    assertThat(report.changed()).singleElement().satisfies(o -> {
      assertThat(o.input().conversation().id()).isEqualTo(jan.id());
      assertThat(o.assignee()).isEqualTo(f.o.bob.user());
      assertThat(o.tagsAdded()).containsExactly("vip");
    });
    assertThat(f.o.reload(jan).assignee()).isNull();
  }

  @Test
  void dryRunShouldRefuseMembersUnknownReferencesAndOtherTenantsMailboxes() {
    RuleSet draft = RuleSetJson.parse(Fixture.json("{'rules': [{'id': 'r', 'actions': [{'assign': 'nobody@x.example'}]}]}"));
    Office other = Office.create(f.mm);

    assertThatThrownBy(() -> f.admin.dryRun(f.engine, f.o.info.id(), RuleSet.EMPTY, 10, f.o.bob))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> f.admin.dryRun(f.engine, f.o.info.id(), draft, 10, f.o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rules[0].actions[0].assign");
    assertThatThrownBy(() -> f.admin.dryRun(f.engine, other.info.id(), RuleSet.EMPTY, 10, f.o.admin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void loadingAndSavingAnotherTenantsMailboxRulesShouldBeNotFound() {
    MailboxId foreign = Office.create(f.mm).info.id();

    assertThatThrownBy(() -> f.admin.load(foreign, f.o.admin)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.admin.save(foreign, RuleSet.EMPTY, 0, f.o.admin))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.admin.load(f.o.info.id(), f.o.admin)).isEmpty();
    assertThat(List.of(f.admin.save(f.o.info.id(), RuleSet.EMPTY, 0, f.o.admin))).containsExactly(1L);
  }
}
