package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;

/**
 * Routing makes only the trace lines it stores and explain works out every rule's reason: both must still say the
 * same thing, word for word, for rules that failed.
 */
class RoutingTraceTest {
  private final Fixture f = new Fixture();

  @Test
  void theRoutedTraceShouldGiveTheSameReasonsAsExplainForRulesThatFailed() {
    f.tenantRules("{'rules': ["
        + "{'id': 'case', 'name': 'Cases', 'conditions': {'subject': {'regex': '(?i)case #3\\\\b'}},"
        + " 'actions': [{'tag': 'case'}]},"
        + "{'id': 'flat', 'conditions': {'body': {'regex': 'flat \\\\d+'}}, 'actions': [{'tag': 'flat'}]},"
        + "{'id': 'word', 'conditions': {'subject': {'contains': 'invoice'}}, 'actions': [{'tag': 'word'}]},"
        + "{'id': 'same', 'conditions': {'subject': {'equals': 'keys'}}, 'actions': [{'tag': 'same'}]},"
        + "{'id': 'both', 'conditions': {'all': [{'fromDomain': 'client.example'}, {'subject': {'regex': 'Keys?$'}}]},"
        + " 'actions': [{'tag': 'both'}]},"
        + "{'id': 'either', 'conditions': {'any': [{'from': 'eva@client.example'}, {'body': {'contains': 'roof'}}]},"
        + " 'actions': [{'tag': 'either'}]},"
        + "{'id': 'neither', 'conditions': {'not': {'subject': {'regex': '(?i)case #12'}}},"
        + " 'actions': [{'tag': 'neither'}]},"
        + "{'id': 'last', 'conditions': {'fromDomain': 'client.example'}, 'actions': [{'tag': 'last'}]}]}");

    Conversation c = f.ingest(f.mail("jan@client.example", "Case #12:   new   keys").body("The door, not the flat."));
    DryRun.Input in = f.lastRouted();
    Explanation e = f.engine.explain(in.message(), in.conversation(), f.mm.storage());

    assertThat(c.tags()).containsExactly("last");
    List<String> failed = f.trace(c).stream().filter(l -> l.contains(": no — ")).toList();
    assertThat(failed).containsExactly(
        "tenant rule #1 case \"Cases\": no — subject regex \"(?i)case #3\\b\" — was \"Case #12: new keys\"",
        "tenant rule #2 flat: no — body regex \"flat \\d+\" — was \"The door, not the flat.\"",
        "tenant rule #3 word: no — subject contains \"invoice\" — was \"Case #12: new keys\"",
        "tenant rule #4 same: no — subject equals \"keys\" — was \"Case #12: new keys\"",
        "tenant rule #5 both: no — subject regex \"Keys?$\" — was \"Case #12: new keys\"",
        "tenant rule #6 either: no — none of (from eva@client.example — was \"jan@client.example\"; "
            + "body contains \"roof\" — was \"The door, not the flat.\")",
        "tenant rule #7 neither: no — not (subject regex \"(?i)case #12\")");
    assertThat(e.lines()).isEqualTo(f.trace(c));
    assertThat(e.rules()).filteredOn(t -> !t.matched()).extracting(t -> t.conditions())
        .containsExactly(failed.stream().map(l -> l.substring(l.indexOf(": no — ") + 7)).toArray(String[]::new));
  }
}
