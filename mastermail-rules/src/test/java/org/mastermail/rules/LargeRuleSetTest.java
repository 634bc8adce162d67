package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;

/** Ten thousand rules through the whole path: saved as JSON, indexed, one message tested against a handful. */
class LargeRuleSetTest {
  private final Fixture f = new Fixture();

  @Test
  void aMessageShouldBeTestedOnlyAgainstTheRulesThatCanMatchIt() {
    List<Rule> rules = new ArrayList<>();
    rules.add(Rule.of("urgent", new Condition.Subject(TextMatch.contains("urgent")), new Action.Tag(List.of("u"))));
    for (int i = 0; i < 10_000; i++) {
      rules.add(Rule.of("c" + i, Condition.fromDomain("client" + i + ".example"), new Action.Tag(List.of("c" + i))));
    }
    f.admin.save(f.tenant(), null, new RuleSet(rules), 0);

    Conversation c = f.ingest(f.mail("jan@mail.client4711.example", "URGENT: keys"));

    assertThat(c.tags()).containsExactlyInAnyOrder("u", "c4711");
    assertThat(f.trace(c)).startsWith(
        "tenant rules v1: 2 of 10001 rules are candidates (the index rules out the others by sender and recipient)");
  }

  @Test
  void theStoredTraceShouldNameAtMostFiftyRulesThatDidNotMatch() {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      rules.add(Rule.of("s" + i, new Condition.Subject(TextMatch.contains("topic " + i + "!")),
          new Action.Tag(List.of("t"))));
    }
    f.admin.save(f.tenant(), null, new RuleSet(rules), 0);

    Conversation c = f.ingest(f.mail("jan@client.example", "nothing"));

    assertThat(f.trace(c)).filteredOn(l -> l.contains(": no — ")).hasSize(50);
    assertThat(f.trace(c)).contains("(70 more rules did not match; explain() lists them)");
  }
}
