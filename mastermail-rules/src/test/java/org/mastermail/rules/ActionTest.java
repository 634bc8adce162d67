package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;

/** One test per action, and how actions of several rules combine. */
class ActionTest {
  private final Fixture f = new Fixture();

  @Test
  void assignShouldGiveTheConversationToTheNamedUser() {
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "Keys"));
    assertThat(c.assignee()).isEqualTo(f.o.alice.user());
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).startsWith("assignee: Alice").contains("by rule r"));
  }

  @Test
  void assignShouldAlsoAcceptAUserId() {
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.o.bob.user() + "'}]");
    assertThat(f.ingest(f.mail("jan@client.example", "Keys")).assignee()).isEqualTo(f.o.bob.user());
  }

  @Test
  void statusShouldBeFoundByNameIgnoringCase() {
    f.rule("{'fromDomain': 'client.example'}", "[{'status': 'In Progress'}]");
    assertThat(f.statusName(f.ingest(f.mail("jan@client.example", "Keys")))).isEqualTo("in progress");
  }

  @Test
  void dueEndOfDayShouldBeTheEndOfTodayInTheZoneAndUrgent() {
    f.rule("{'subject': {'contains': 'urgent'}}", "[{'due': {'endOfDay': true, 'urgent': true}}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "URGENT: water"));
    // 2026-03-02 is in winter time: Berlin is UTC+1
    assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-03-02T22:59:59Z"));
    assertThat(c.urgent()).isTrue();
  }

  @Test
  void dueInShouldCountFromNowAndAtShouldRollToTomorrowWhenPast() {
    f.rule("{'from': 'a@client.example'}", "[{'due': {'in': 'PT4H'}}]");
    assertThat(f.ingest(f.mail("a@client.example", "x")).dueAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
    f.rule("{'from': 'a@client.example'}", "[{'due': {'at': '08:00', 'zone': 'UTC'}}]");
    assertThat(f.ingest(f.mail("a@client.example", "y")).dueAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
  }

  @Test
  void tagShouldAddEveryTag() {
    f.rule("{'fromDomain': 'client.example'}", "[{'tag': ['vip', 'client']}]");
    assertThat(f.ingest(f.mail("jan@client.example", "x")).tags()).containsExactlyInAnyOrder("vip", "client");
  }

  @Test
  void linkShouldCaptureTheEntityIdFromTheSubject() {
    f.rule("{'subject': {'contains': 'case'}}",
        "[{'link': {'type': 'case', 'source': 'subject', 'regex': 'Case #(\\\\d+)'}}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "Re: Case #4711 broken window"));
    assertThat(c.links()).containsExactly(EntityRef.of("case", "4711"));
  }

  @Test
  void linkShouldReadAHeaderWhenAsked() {
    f.rule("{'header': {'name': 'X-Order', 'exists': true}}",
        "[{'link': {'type': 'order', 'source': 'header', 'header': 'X-Order', 'regex': '\\\\w+', 'group': 0}}]");
    assertThat(f.ingest(f.mail("shop@client.example", "x").header("X-Order", "A77")).links())
        .containsExactly(EntityRef.of("order", "A77"));
  }

  @Test
  void linkContactShouldLinkTheDirectoryContact() {
    f.directory.contact("jan@client.example", EntityRef.of("contact", "c-17"), null);
    f.rule("{'knownContact': true}", "[{'linkContact': true}]");
    assertThat(f.ingest(f.mail("jan@client.example", "x")).links()).containsExactly(EntityRef.of("contact", "c-17"));
  }

  @Test
  void noteShouldLandInTheRoutingTrace() {
    f.rule("{'fromDomain': 'client.example'}", "[{'note': 'Key client: answer within a day'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "x"));
    assertThat(f.trace(c)).contains("  note: Key client: answer within a day");
    assertThat(f.mm.triage().get(c.id(), f.o.admin).notes()).singleElement().satisfies(n -> {
      assertThat(n.body()).isEqualTo("Key client: answer within a day");
      assertThat(n.author()).isNull();
    });
  }

  @Test
  void forwardShouldHandACopyToAColleagueOnly() {
    f.rule("{'subject': {'contains': 'legal'}}", "[{'forward': '" + f.at("manager") + "'}, {'forward': 'x@gmail.example'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "legal notice"));
    assertThat(f.sink.forwards()).singleElement().satisfies(fw -> {
      assertThat(fw.to()).isEqualTo(f.at("manager"));
      assertThat(fw.conversation()).isEqualTo(c.id());
    });
    assertThat(f.trace(c)).contains("  forward to x@gmail.example: refused, not a user or mailbox of this tenant");
  }

  @Test
  void markSpamShouldTagAndCloseTheConversation() {
    f.rule("{'spam': true}", "[{'markSpam': true}]");
    Conversation c = f.ingest(f.mail("win@lottery.example", "You won").header("X-Spam-Flag", "YES"));
    assertThat(c.tags()).containsExactly("spam");
    assertThat(f.statusName(c)).isEqualTo("archived");
  }

  @Test
  void stopShouldEndTheRunForLaterRulesAndTheMailboxRules() {
    f.tenantRules("{'rules': ["
        + "{'id': 'spam', 'conditions': {'spam': true}, 'actions': [{'tag': 'spam'}, {'stop': true}]},"
        + "{'id': 'later', 'actions': [{'tag': 'later'}]}]}");
    f.mailboxRules("{'rules': [{'id': 'box', 'actions': [{'tag': 'box'}]}]}");

    Conversation spam = f.ingest(f.mail("a@b.example", "x").header("X-Spam-Flag", "YES"));
    Conversation ham = f.ingest(f.mail("c@d.example", "y"));

    assertThat(spam.tags()).containsExactly("spam");
    assertThat(f.trace(spam)).contains("mailbox rules v1: not tested (stopped)");
    assertThat(ham.tags()).containsExactlyInAnyOrder("later", "box");
  }

  @Test
  void tenantRulesShouldRunBeforeMailboxRulesAndTheFirstAssigneeShouldWin() {
    f.tenantRules("{'rules': [{'id': 't', 'conditions': {'fromDomain': 'client.example'},"
        + " 'actions': [{'assign': '" + f.at("alice") + "'}, {'status': 'in progress'}]}]}");
    f.mailboxRules("{'rules': [{'id': 'm', 'actions': [{'assign': '" + f.at("bob") + "'}, {'status': 'waiting for answer'},"
        + " {'tag': 'info'}]}]}");

    Conversation c = f.ingest(f.mail("jan@client.example", "x"));

    assertThat(c.assignee()).isEqualTo(f.o.alice.user());
    assertThat(f.statusName(c)).isEqualTo("in progress");
    assertThat(c.tags()).containsExactly("info");
    assertThat(f.trace(c)).contains("  assign " + f.at("bob") + ": skipped, rule t chose the assignee already");
  }

  @Test
  void rulesShouldRunInTheirOrder() {
    f.tenantRules("{'rules': [{'id': 'first', 'actions': [{'status': 'waiting for answer'}]},"
        + "{'id': 'second', 'actions': [{'status': 'in progress'}]}]}");
    Conversation c = f.ingest(f.mail("a@b.example", "x"));
    assertThat(f.statusName(c)).isEqualTo("waiting for answer");
    assertThat(f.trace(c)).containsSubsequence("tenant rule #1 first: yes — always",
        "tenant rule #2 second: yes — always");
  }

  @Test
  void disabledRulesShouldNotRun() {
    f.tenantRules("{'rules': [{'id': 'off', 'enabled': false, 'actions': [{'tag': 'off'}]}]}");
    assertThat(f.ingest(f.mail("a@b.example", "x")).tags()).isEmpty();
  }

  @Test
  void aReplyShouldStayWithItsAssigneeWithoutSpendingATurn() {
    f.rule("{'fromDomain': 'client.example'}", "[{'assignTeam': {'name': 'desk', 'members': ['" + f.at("alice")
        + "', '" + f.at("bob") + "'], 'strategy': 'roundRobin'}}]");
    Conversation first = f.ingest(f.mail("jan@client.example", "Keys").messageId("k@client.example"));
    Conversation reply = f.ingest(f.mail("jan@client.example", "Re: Keys").inReplyTo("k@client.example"));
    Conversation next = f.ingest(f.mail("eva@client.example", "Door"));

    assertThat(first.assignee()).isEqualTo(f.o.alice.user());
    assertThat(reply.assignee()).isEqualTo(f.o.alice.user());
    assertThat(f.trace(reply)).anySatisfy(l -> assertThat(l).contains("skipped, the conversation stays with Alice"));
    assertThat(next.assignee()).isEqualTo(f.o.bob.user());
  }

  @Test
  void editsShouldApplyToTheNextMessageWithoutRestart() {
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("alice") + "'}]");
    assertThat(f.ingest(f.mail("jan@client.example", "a")).assignee()).isEqualTo(f.o.alice.user());
    f.rule("{'fromDomain': 'client.example'}", "[{'assign': '" + f.at("bob") + "'}]");
    assertThat(f.ingest(f.mail("jan@client.example", "b")).assignee()).isEqualTo(f.o.bob.user());
  }

  @Test
  void noRuleSetShouldLeaveTheConversationUnassignedAndUntraced() {
    Conversation c = f.ingest(f.mail("jan@client.example", "a"));
    assertThat(c.unassigned()).isTrue();
    assertThat(f.trace(c)).isEmpty();
  }
}
