package org.mastermail.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rules.Action;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.TextMatch;

/** The index: few candidates, rule order kept, and never a rule missed that a full scan would match. */
class CompiledRulesTest {
  private static final List<Action> TAG = List.of(new Action.Tag(List.of("x")));

  private static Rule rule(String id, Condition c) {
    return new Rule(id, id, true, c, TAG);
  }

  private static List<String> candidates(CompiledRules rules, IncomingMessage m) {
    return rules.candidates(Messages.view(m)).stream().map(e -> e.rule().id()).toList();
  }

  @Test
  void tenThousandSenderRulesShouldLeaveOnlyTheSendersRuleAndTheResidualOnes() {
    List<Rule> list = new ArrayList<>();
    list.add(rule("first", new Condition.Subject(TextMatch.contains("urgent"))));
    for (int i = 0; i < 10_000; i++) {
      list.add(rule("u" + i, Condition.from("user" + i + "@senders.example")));
    }
    list.add(rule("last", Rule.ALWAYS));
    CompiledRules rules = CompiledRules.compile("tenant", 1, new RuleSet(list));

    assertThat(candidates(rules, Messages.message("user5000@senders.example", List.of(), "x")))
        .containsExactly("first", "u5000", "last");
    assertThat(rules.residualCount()).isEqualTo(2);
    assertThat(rules.total()).isEqualTo(10_002);
  }

  @Test
  void domainRulesShouldBeFoundForSubdomainsToo() {
    CompiledRules rules = CompiledRules.compile("tenant", 1, RuleSet.of(
        rule("a", Condition.fromDomain("client.example")), rule("b", Condition.fromDomain("other.example"))));
    assertThat(candidates(rules, Messages.message("jan@mail.client.example", List.of(), "x"))).containsExactly("a");
  }

  @Test
  void recipientRulesShouldBeIndexedByEveryRecipient() {
    CompiledRules rules = CompiledRules.compile("tenant", 1, RuleSet.of(
        rule("a", new Condition.Recipient(Condition.RecipientField.TO, List.of("sales@acme.example"))),
        rule("b", new Condition.Recipient(Condition.RecipientField.CC, List.of("info@acme.example")))));
    assertThat(candidates(rules, Messages.message("jan@x.example", List.of("info@acme.example"), "x")))
        .containsExactly("b");
  }

  @Test
  void aRuleFoundUnderTwoOfTheMessagesKeysShouldBeTestedOnce() {
    CompiledRules rules = CompiledRules.compile("tenant", 1, RuleSet.of(
        rule("first", new Condition.Subject(TextMatch.contains("urgent"))),
        rule("both", Condition.any(Condition.from("jan@client.example"), Condition.fromDomain("example"),
            new Condition.Recipient(Condition.RecipientField.ANY, List.of("info@acme.example")))),
        rule("other", Condition.from("eva@client.example")),
        rule("last", Rule.ALWAYS)));
    IncomingMessage m = Messages.message("jan@client.example", List.of("info@acme.example", "info@acme.example"), "x");
    assertThat(candidates(rules, m)).containsExactly("first", "both", "last");
  }

  @Test
  void aMessageHittingNoKeyShouldGetTheResidualRulesInOrder() {
    CompiledRules rules = CompiledRules.compile("tenant", 1, RuleSet.of(rule("a", Rule.ALWAYS),
        rule("b", Condition.from("jan@client.example")), rule("c", new Condition.Spam(true))));
    assertThat(candidates(rules, Messages.message("eva@other.example", List.of(), "x"))).containsExactly("a", "c");
  }

  @Test
  void allShouldUseItsMostSelectivePartAndAnyTheUnionOfItsParts() {
    assertThat(CompiledRules.keys(Condition.all(Condition.fromDomain("a.example", "b.example"),
        Condition.from("jan@a.example"), new Condition.Spam(true)))).containsExactly("f:jan@a.example");
    assertThat(CompiledRules.keys(Condition.any(Condition.from("jan@a.example"), Condition.fromDomain("b.example"))))
        .containsExactlyInAnyOrder("f:jan@a.example", "d:b.example");
    assertThat(CompiledRules.keys(Condition.any(Condition.from("jan@a.example"), new Condition.Spam(true)))).isNull();
    assertThat(CompiledRules.keys(Condition.not(Condition.from("jan@a.example")))).isNull();
    assertThat(CompiledRules.keys(Rule.ALWAYS)).isNull();
  }

  @Test
  void theIndexShouldFindExactlyTheRulesAFullScanWouldMatch() {
    Random random = new Random(11);
    String[] senders = {"jan@client.example", "eva@mail.client.example", "max@other.example", "ola@x.example"};
    String[] domains = {"client.example", "other.example", "example", "nowhere.example"};
    List<Rule> list = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      list.add(rule("r" + i, randomCondition(random, senders, domains, 3)));
    }
    CompiledRules rules = CompiledRules.compile("tenant", 1, new RuleSet(list));
    for (int n = 0; n < 200; n++) {
      IncomingMessage m = Messages.message(senders[random.nextInt(senders.length)],
          List.of(random.nextBoolean() ? "info@acme.example" : "sales@acme.example"),
          random.nextBoolean() ? "urgent" : "hello");
      MessageView view = Messages.view(m);
      List<String> scan = rules.entries.stream().filter(e -> e.when().test(view).ok()).map(e -> e.rule().id())
          .toList();
      List<String> indexed = rules.candidates(view).stream().filter(e -> e.when().test(view).ok())
          .map(e -> e.rule().id()).toList();
      assertThat(indexed).isEqualTo(scan);
    }
  }

  private static Condition randomCondition(Random r, String[] senders, String[] domains, int depth) {
    int kind = r.nextInt(depth > 0 ? 7 : 4);
    switch (kind) {
      case 0:
        return Condition.from(senders[r.nextInt(senders.length)]);
      case 1:
        return Condition.fromDomain(domains[r.nextInt(domains.length)]);
      case 2:
        return new Condition.Recipient(Condition.RecipientField.ANY,
            List.of(r.nextBoolean() ? "info@acme.example" : "sales@acme.example"));
      case 3:
        return new Condition.Subject(TextMatch.contains("urgent"));
      case 4:
        return Condition.all(randomCondition(r, senders, domains, depth - 1),
            randomCondition(r, senders, domains, depth - 1));
      case 5:
        return Condition.any(randomCondition(r, senders, domains, depth - 1),
            randomCondition(r, senders, domains, depth - 1));
      default:
        return Condition.not(randomCondition(r, senders, domains, depth - 1));
    }
  }
}
