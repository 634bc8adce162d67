package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;

/** The JSON form: a round trip through every condition and action, and errors that say where. */
class RuleSetJsonTest {
  static final RuleSet EVERYTHING = new RuleSet(List.of(
      new Rule("conditions", "Every condition", true, new Condition.All(List.of(
          Condition.from("jan@client.example", "eva@client.example"),
          Condition.fromDomain("client.example"),
          new Condition.Recipient(Condition.RecipientField.TO, List.of("info@acme.example")),
          new Condition.Recipient(Condition.RecipientField.CC, List.of("cc@acme.example")),
          new Condition.Recipient(Condition.RecipientField.DELIVERED_TO, List.of("dt@acme.example")),
          new Condition.Recipient(Condition.RecipientField.ANY, List.of("any@acme.example")),
          new Condition.Subject(TextMatch.contains("invoice")),
          new Condition.Subject(TextMatch.equalTo("hello")),
          new Condition.Body(TextMatch.regex("flat \\d+")),
          new Condition.Header("X-Priority", null),
          new Condition.Header("X-Mailer", TextMatch.regex("^Outlook")),
          new Condition.HasAttachment(true),
          new Condition.AttachmentName(TextMatch.regex("(?i)\\.pdf$")),
          new Condition.AttachmentType(List.of("application/pdf", "image/*")),
          new Condition.Size(1000L, 5_000_000L),
          new Condition.Size(null, 10L),
          new Condition.BusinessHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30),
              LocalTime.of(16, 0), ZoneId.of("Europe/Berlin")),
          new Condition.Weekday(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null),
          new Condition.Weekday(Set.of(DayOfWeek.SUNDAY), ZoneId.of("UTC")),
          new Condition.Charset(List.of("iso-8859-2")),
          new Condition.Language(List.of("de", "pl")),
          Condition.any(new Condition.Spam(true), new Condition.Reply(false)),
          Condition.not(new Condition.KnownContact(true)))),
          List.of(new Action.Tag(List.of("x")))),
      new Rule("actions", "actions", false, Rule.ALWAYS, List.of(
          new Action.Assign("alice@acme.example"),
          new Action.AssignTeam("desk", List.of("a@acme.example", "b@acme.example"), Action.Strategy.LEAST_LOADED, 20),
          new Action.AssignTeam("support", List.of(), Action.Strategy.ROUND_ROBIN, null),
          new Action.AssignTeam("any", List.of("a@acme.example"), Action.Strategy.RANDOM, null),
          new Action.AssignAccountManager(),
          new Action.SetStatus("in progress"),
          Action.SetDue.urgentToday(),
          new Action.SetDue(Duration.ofHours(4), null, false, false, ZoneId.of("Europe/Warsaw")),
          new Action.SetDue(null, LocalTime.of(17, 0), false, true, null),
          new Action.Tag(List.of("vip", "client")),
          new Action.Link("case", Action.LinkSource.SUBJECT, null, "Case #(\\d+)", 1),
          new Action.Link("order", Action.LinkSource.HEADER, "X-Order", "\\w+", 0),
          new Action.LinkContact(),
          new Action.Note("call back"),
          new Action.ForwardTo("boss@acme.example"),
          new Action.MarkSpam("spam", "archived"),
          new Action.SendAutoReply("Re: {subject}", "Thanks. {absence}", 3),
          new Action.SendAutoReply(null, "Thanks", 7),
          new Action.Stop()))));

  @Test
  void everyConditionAndActionShouldSurviveARoundTrip() {
    String json = RuleSetJson.write(EVERYTHING);
    assertThat(RuleSetJson.parse(json)).isEqualTo(EVERYTHING);
    assertThat(RuleSetJson.write(RuleSetJson.parse(json))).isEqualTo(json);
  }

  @Test
  void theDocumentedExampleShouldParse() {
    RuleSet set = RuleSetJson.parse(Fixture.json("{'rules': ["
        + "{'id': 'spam', 'conditions': {'spam': true}, 'actions': [{'markSpam': true}, {'stop': true}]},"
        + "{'id': 'vip', 'name': 'VIP clients', 'conditions': {'all': [{'fromDomain': ['client.example']},"
        + "  {'not': {'subject': {'regex': '(?i)newsletter'}}}]},"
        + " 'actions': [{'assign': 'alice@acme.example'}, {'due': {'endOfDay': true, 'urgent': true}}]},"
        + "{'id': 'rest', 'actions': [{'assignTeam': {'name': 'desk', 'members': ['bob@acme.example'],"
        + "  'strategy': 'roundRobin'}}]}]}"));
    assertThat(set.rules()).extracting(Rule::id).containsExactly("spam", "vip", "rest");
    assertThat(set.rules().get(1).name()).isEqualTo("VIP clients");
    assertThat(set.rules().get(2).conditions()).isEqualTo(Rule.ALWAYS);
  }

  private static void assertRejected(String singleQuoted, String message) {
    assertThatThrownBy(() -> RuleSetJson.parse(Fixture.json(singleQuoted)))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
  }

  private static String rules(String... rules) {
    return "{'rules': [" + String.join(", ", rules) + "]}";
  }

  private static final String OK = "{'id': 'ok', 'actions': [{'tag': 'x'}]}";

  @Test
  void anInvalidRegexShouldBeReportedAtItsPosition() {
    assertRejected(rules(OK, OK.replace("ok", "ok2"), OK.replace("ok", "ok3"),
        "{'id': 'bad', 'conditions': {'any': [{'from': 'a@b.example'}, {'subject': {'regex': '(abc'}}]},"
            + " 'actions': [{'tag': 'x'}]}"),
        "rules[3].conditions.any[1].subject.regex: invalid pattern Unclosed group");
  }

  @Test
  void anUnknownConditionShouldBeNamed() {
    assertRejected(rules("{'id': 'a', 'conditions': {'all': [{'form': 'x@y.example'}]}, 'actions': [{'tag': 'x'}]}"),
        "rules[0].conditions.all[0].form: unknown; expected one of all, any, not, from");
  }

  @Test
  void anUnknownActionShouldBeNamed() {
    assertRejected(rules("{'id': 'a', 'actions': [{'tag': 'x'}, {'asign': 'x@y.example'}]}"),
        "rules[0].actions[1].asign: unknown; expected one of assign");
  }

  @Test
  void anUnknownFieldOfARuleShouldBeNamed() {
    assertRejected(rules(OK, "{'id': 'a', 'colour': 'red', 'actions': [{'tag': 'x'}]}"),
        "rules[1].colour: unknown field");
  }

  @Test
  void aMissingIdShouldBeReported() {
    assertRejected(rules("{'actions': [{'tag': 'x'}]}"), "rules[0].id: is required");
  }

  @Test
  void aDuplicateIdShouldBeReported() {
    assertRejected(rules(OK, OK), "rules[1].id: 'ok' is used twice");
  }

  @Test
  void aRuleWithoutActionsShouldBeReported() {
    assertRejected(rules("{'id': 'a', 'actions': []}"), "rules[0].actions: a rule needs at least one action");
  }

  @Test
  void wrongTypesShouldBeReported() {
    assertRejected(rules("{'id': 'a', 'conditions': {'spam': 'yes'}, 'actions': [{'tag': 'x'}]}"),
        "rules[0].conditions.spam: expected true or false");
    assertRejected(rules("{'id': 'a', 'conditions': {'size': {'min': 'big'}}, 'actions': [{'tag': 'x'}]}"),
        "rules[0].conditions.size.min: expected a whole number");
  }

  @Test
  void badValuesShouldBeReportedWithTheField() {
    assertRejected(rules("{'id': 'a', 'conditions': {'businessHours': {'zone': 'Mars/Olympus'}},"
        + " 'actions': [{'tag': 'x'}]}"), "rules[0].conditions.businessHours.zone: unknown time zone 'Mars/Olympus'");
    assertRejected(rules("{'id': 'a', 'conditions': {'weekday': ['MON', 'FUNDAY']}, 'actions': [{'tag': 'x'}]}"),
        "rules[0].conditions.weekday[1]: not a day of the week");
    assertRejected(rules("{'id': 'a', 'actions': [{'assignTeam': {'name': 'd', 'strategy': 'fastest'}}]}"),
        "rules[0].actions[0].assignTeam.strategy: unknown strategy 'fastest'");
    assertRejected(rules("{'id': 'a', 'actions': [{'due': {'in': 'tomorrow'}}]}"),
        "rules[0].actions[0].due.in: not an ISO-8601 duration");
    assertRejected(rules("{'id': 'a', 'actions': [{'due': {'in': 'PT1H', 'endOfDay': true}}]}"),
        "rules[0].actions[0].due: give at most one of");
    assertRejected(rules("{'id': 'a', 'actions': [{'link': {'type': 'case', 'source': 'subject', 'regex': '\\\\d+',"
        + " 'group': 2}}]}"), "rules[0].actions[0].link.group: the pattern has 0 groups");
    assertRejected(rules("{'id': 'a b', 'actions': [{'tag': 'x'}]}"), "rules[0].id: a rule id is 1 to 64");
  }

  @Test
  void malformedJsonShouldSayWhere() {
    assertThatThrownBy(() -> RuleSetJson.parse("{\"rules\": [\n{\"id\": }]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("not valid JSON at line 2, column");
    assertThatThrownBy(() -> RuleSetJson.parse("{\"rules\": [], \"rules\": []}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Duplicate field 'rules'");
  }
}
