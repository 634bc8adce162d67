package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;

/** Trying a draft on past mail, and explaining a routing decision. */
class DryRunAndExplainTest {
  private final Fixture f = new Fixture();

  private List<DryRun.Input> archive(String... senders) {
    List<DryRun.Input> inputs = new ArrayList<>();
    for (String sender : senders) {
      f.ingest(f.mail(sender, "Case #" + inputs.size() + " for " + sender));
      inputs.add(f.lastRouted());
    }
    return inputs;
  }

  private RuleSet draft() {
    return RuleSetJson.parse(Fixture.json("{'rules': ["
        + "{'id': 'vip', 'conditions': {'fromDomain': 'client.example'}, 'actions': [{'assign': '" + f.at("alice")
        + "'}, {'status': 'in progress'}, {'tag': 'vip'},"
        + " {'link': {'type': 'case', 'source': 'subject', 'regex': 'Case #(\\\\d+)'}}, {'autoReply': {'text': 'Hi'}}]},"
        + "{'id': 'rest', 'actions': [{'assignTeam': {'name': 'desk', 'members': ['" + f.at("bob") + "', '"
        + f.at("manager") + "'], 'strategy': 'roundRobin'}}]}]}"));
  }

  @Test
  void dryRunShouldReportWhatWouldChangePerMessage() {
    List<DryRun.Input> inputs = archive("jan@client.example", "eva@other.example", "max@other.example");

    DryRun.Report report = f.engine.dryRun(f.mm.storage(), null, draft(), inputs);

    assertThat(report.outcomes()).hasSize(3);
    DryRun.Outcome vip = report.outcomes().get(0);
    assertThat(vip.assignee()).isEqualTo(f.o.alice.user());
    assertThat(vip.status()).isEqualTo(f.o.status("in progress").id());
    assertThat(vip.tagsAdded()).containsExactly("vip");
    assertThat(vip.linksAdded()).containsExactly(EntityRef.of("case", "0"));
    assertThat(vip.autoReplies()).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo("jan@client.example"));
    assertThat(report.outcomes().get(1).assignee()).isEqualTo(f.o.bob.user());
    assertThat(report.outcomes().get(2).assignee()).isEqualTo(f.o.manager.user());
    assertThat(report.changed()).hasSize(3);
  }

  @Test
  void dryRunShouldChangeNothing() {
    List<DryRun.Input> inputs = archive("jan@client.example", "eva@other.example");

    f.engine.dryRun(f.mm.storage(), null, draft(), inputs);

    for (DryRun.Input in : inputs) {
      Conversation now = f.mm.triage().get(in.conversation().id(), f.o.admin).conversation();
      assertThat(now).isEqualTo(in.conversation());
    }
    assertThat(f.sink.replies()).isEmpty();
    // neither the round-robin position nor the reply stamp moved: going live starts where the dry run started
    f.admin.save(f.tenant(), null, draft(), 0);
    assertThat(f.ingest(f.mail("eva@other.example", "new")).assignee()).isEqualTo(f.o.bob.user());
    f.ingest(f.mail("jan@client.example", "new"));
    assertThat(f.sink.replies()).hasSize(1);
  }

  @Test
  void dryRunShouldNotReassignWhatIsAssignedAlready() {
    List<DryRun.Input> inputs = archive("jan@client.example");
    Conversation c = inputs.get(0).conversation();
    Conversation taken = f.mm.triage().assign(c.ref(), f.o.bob.user(), f.o.admin);

    DryRun.Report report = f.engine.dryRun(f.mm.storage(), null, draft(),
        List.of(new DryRun.Input(inputs.get(0).message(), taken)));

    assertThat(report.outcomes().get(0).assignee()).isNull();
    assertThat(report.outcomes().get(0).explanation().lines())
        .anySatisfy(l -> assertThat(l).contains("skipped, the conversation stays with Bob"));
  }

  @Test
  void aMailboxDraftShouldReplaceOnlyThatMailboxsRules() {
    f.tenantRules("{'rules': [{'id': 't', 'actions': [{'tag': 'tenant'}]}]}");
    f.mailboxRules("{'rules': [{'id': 'm', 'actions': [{'tag': 'old'}]}]}");
    List<DryRun.Input> inputs = archive("jan@client.example");

    DryRun.Report report = f.engine.dryRun(f.mm.storage(), f.o.info.id(),
        RuleSet.of(Rule.of("m", Rule.ALWAYS, new Action.Tag(List.of("new")))),
        List.of(new DryRun.Input(inputs.get(0).message(), inputs.get(0).conversation().change()
            .tags(java.util.Set.of()).done())));

    assertThat(report.outcomes().get(0).tagsAdded()).containsExactlyInAnyOrder("tenant", "new");
  }

  @Test
  void explainShouldListMatchedAndFailedRulesAndTheAssigneeReason() {
    f.directory.away(f.o.alice.user(), null, f.o.bob.user());
    f.tenantRules("{'rules': ["
        + "{'id': 'invoices', 'conditions': {'subject': {'contains': 'invoice'}}, 'actions': [{'tag': 'invoice'}]},"
        + "{'id': 'vip', 'name': 'VIP', 'conditions': {'fromDomain': 'client.example'},"
        + " 'actions': [{'assign': '" + f.at("alice") + "'}]}]}");
    f.ingest(f.mail("jan@client.example", "Keys"));
    DryRun.Input in = f.lastRouted();

    Explanation e = f.engine.explain(in.message(), in.conversation().change().assignee(null).done(), f.mm.storage());

    assertThat(e.rules()).extracting(Explanation.RuleTrace::id).containsExactly("invoices", "vip");
    assertThat(e.rule("invoices").orElseThrow().matched()).isFalse();
    assertThat(e.rule("invoices").orElseThrow().conditions()).isEqualTo("subject contains \"invoice\" — was \"Keys\"");
    assertThat(e.rule("vip").orElseThrow().matched()).isTrue();
    assertThat(e.rule("vip").orElseThrow().actions()).singleElement().asString().contains("stands in");
    assertThat(e.decision().assignee()).isEqualTo(f.o.bob.user());
    assertThat(e.assignment()).startsWith("Bob").contains("by rule vip").contains("is away");
    assertThat(e.matched()).extracting(Explanation.RuleTrace::id).containsExactly("vip");
  }

  @Test
  void theRoutedEventShouldKeepTheSameTraceAsExplain() {
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}, {'tag': 'vip'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "Keys"));

    assertThat(f.trace(c)).containsExactly(
        "tenant rules v1: 1 of 1 rules are candidates (the index rules out the others by sender and recipient)",
        "tenant rule #1 r: yes — from domain client.example",
        "  assign " + f.at("alice") + " → Alice <" + f.at("alice") + ">",
        "  tag vip",
        "assignee: Alice <" + f.at("alice") + "> by rule r: named by the rule");
  }
}
