package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.tenant.UserId;

/** Team strategies, absences and deputies, account managers. */
class StrategyTest {
  private final Fixture f = new Fixture();

  private String team(String strategy, String extra, String... members) {
    StringBuilder list = new StringBuilder();
    for (String m : members) {
      list.append(list.length() == 0 ? "" : ", ").append('\'').append(f.at(m)).append('\'');
    }
    return "[{'assignTeam': {'name': 'desk', 'members': [" + list + "], 'strategy': '" + strategy + "'" + extra
        + "}}]";
  }

  @Test
  void roundRobinShouldTakeTurns() {
    f.rule("{'fromDomain': 'client.example'}", team("roundRobin", "", "alice", "bob", "manager"));
    Map<UserId, Integer> counts = new HashMap<>();
    for (int i = 0; i < 9; i++) {
      counts.merge(f.ingest(f.mail("c" + i + "@client.example", "x" + i)).assignee(), 1, Integer::sum);
    }
    assertThat(counts).containsOnly(Map.entry(f.o.alice.user(), 3), Map.entry(f.o.bob.user(), 3),
        Map.entry(f.o.manager.user(), 3));
  }

  @Test
  void roundRobinShouldSkipAbsentMembers() {
    f.directory.away(f.o.alice.user(), Instant.parse("2026-03-10T00:00:00Z"), null);
    f.rule("{'fromDomain': 'client.example'}", team("roundRobin", "", "alice", "bob"));
    Conversation a = f.ingest(f.mail("a@client.example", "a"));
    Conversation b = f.ingest(f.mail("b@client.example", "b"));
    assertThat(a.assignee()).isEqualTo(f.o.bob.user());
    assertThat(b.assignee()).isEqualTo(f.o.bob.user());
    assertThat(f.trace(a)).anySatisfy(l -> assertThat(l).contains("skipped Alice").contains("is away until 2026-03-10"));
  }

  @Test
  void teamMembersShouldComeFromTheDirectoryWhenTheRuleNamesNone() {
    f.directory.team("desk", f.o.bob.user());
    f.rule("{'fromDomain': 'client.example'}", "[{'assignTeam': {'name': 'desk', 'strategy': 'roundRobin'}}]");
    assertThat(f.ingest(f.mail("a@client.example", "a")).assignee()).isEqualTo(f.o.bob.user());
  }

  @Test
  void leastLoadedShouldPickTheMemberWithFewestOpenConversations() {
    f.o.assignedTo(f.o.alice, "one");
    f.o.assignedTo(f.o.alice, "two");
    f.o.assignedTo(f.o.bob, "three");
    Conversation closed = f.o.assignedTo(f.o.bob, "four");
    f.mm.triage().setStatus(closed.ref(), f.o.status("archived").id(), f.o.admin);
    f.o.assignedTo(f.o.manager, "five");
    f.o.assignedTo(f.o.manager, "six");
    f.rule("{'fromDomain': 'client.example'}", team("leastLoaded", "", "alice", "bob", "manager"));

    Conversation c = f.ingest(f.mail("a@client.example", "new"));

    assertThat(c.assignee()).isEqualTo(f.o.bob.user());
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).contains("open conversations Alice 2, Bob 1, Mona Manager 2"));
  }

  @Test
  void leastLoadedShouldRespectCapacityAndLeaveMailUnassignedWhenEveryoneIsFull() {
    f.o.assignedTo(f.o.alice, "one");
    f.rule("{'fromDomain': 'client.example'}", team("leastLoaded", ", 'capacity': 2", "alice", "bob"));

    Conversation first = f.ingest(f.mail("a@client.example", "1"));
    Conversation second = f.ingest(f.mail("b@client.example", "2"));
    Conversation third = f.ingest(f.mail("c@client.example", "3"));
    Conversation fourth = f.ingest(f.mail("d@client.example", "4"));

    assertThat(first.assignee()).isEqualTo(f.o.bob.user());
    assertThat(second.assignee()).isIn(f.o.alice.user(), f.o.bob.user());
    assertThat(third.assignee()).isIn(f.o.alice.user(), f.o.bob.user());
    assertThat(fourth.unassigned()).isTrue();
    assertThat(f.trace(fourth)).anySatisfy(l -> assertThat(l).contains("everyone is at capacity 2"));
  }

  @Test
  void randomShouldPickOnlyAvailableMembers() {
    f.directory.away(f.o.manager.user(), null, null);
    f.rule("{'fromDomain': 'client.example'}", team("random", "", "alice", "bob", "manager"));
    Map<UserId, Integer> counts = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      counts.merge(f.ingest(f.mail("c" + i + "@client.example", "x" + i)).assignee(), 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(f.o.alice.user(), f.o.bob.user());
  }

  @Test
  void anAbsentAssigneeShouldBeReplacedByTheirDeputy() {
    f.directory.away(f.o.alice.user(), Instant.parse("2026-03-10T00:00:00Z"), f.o.bob.user());
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");

    Conversation c = f.ingest(f.mail("jan@client.example", "x"));

    assertThat(c.assignee()).isEqualTo(f.o.bob.user());
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).startsWith("assignee: Bob")
        .contains("Alice <" + f.at("alice") + "> is away until 2026-03-10; deputy Bob"));
  }

  @Test
  void anAbsentDeputyShouldHandOnToTheirOwnDeputy() {
    f.directory.away(f.o.alice.user(), null, f.o.bob.user()).away(f.o.bob.user(), null, f.o.manager.user());
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");
    assertThat(f.ingest(f.mail("jan@client.example", "x")).assignee()).isEqualTo(f.o.manager.user());
  }

  @Test
  void anAbsentAssigneeWithoutDeputyShouldLeaveTheConversationToTheTeam() {
    f.directory.away(f.o.alice.user(), null, null);
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "x"));
    assertThat(c.unassigned()).isTrue();
    assertThat(f.trace(c)).contains("assignee: none, the conversation stays unassigned for the team");
  }

  @Test
  void absenceShouldEndAtItsUntilTime() {
    f.directory.away(f.o.alice.user(), Instant.parse("2026-03-02T12:00:00Z"), f.o.bob.user());
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");
    assertThat(f.ingest(f.mail("jan@client.example", "a")).assignee()).isEqualTo(f.o.bob.user());
    f.clock.set(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(f.ingest(f.mail("jan@client.example", "b")).assignee()).isEqualTo(f.o.alice.user());
  }

  @Test
  void accountManagerShouldComeFromTheDirectory() {
    f.directory.contact("jan@client.example", null, f.o.bob.user());
    f.rule("{'knownContact': true}", "[{'assignAccountManager': true}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "x"));
    assertThat(c.assignee()).isEqualTo(f.o.bob.user());
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).contains("account manager of jan@client.example"));
  }

  @Test
  void accountManagerAwayShouldBeReplacedByTheDeputy() {
    f.directory.contact("jan@client.example", null, f.o.bob.user()).away(f.o.bob.user(), null, f.o.alice.user());
    f.rule("{'knownContact': true}", "[{'assignAccountManager': true}]");
    assertThat(f.ingest(f.mail("jan@client.example", "x")).assignee()).isEqualTo(f.o.alice.user());
  }

  @Test
  void unknownSenderShouldFallThroughToTheNextAssignment() {
    f.rule("{'fromDomain': 'client.example'}",
        "[{'assignAccountManager': true}, {'assign': '" + f.at("alice") + "'}]");
    Conversation c = f.ingest(f.mail("eva@client.example", "x"));
    assertThat(c.assignee()).isEqualTo(f.o.alice.user());
    assertThat(f.trace(c)).contains("  assign account manager: sender eva@client.example is not a known contact");
  }

  @Test
  void aFailingDirectoryShouldNotStopTheMessageFromBeingArchivedAndRouted() {
    f.directory.failing();
    f.rule("{'fromDomain': 'client.example'}", "[{'assignAccountManager': true}, {'assign': '" + f.at("alice")
        + "'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "x"));
    assertThat(c.assignee()).isEqualTo(f.o.alice.user());
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).startsWith("warning: directory.contact(jan@client.example)"
        + " failed").contains("CRM unreachable"));
  }
}
