package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;

/** One test per condition: a message that matches and one that does not. */
class ConditionTest {
  private final Fixture f = new Fixture();

  @Test
  void fromShouldMatchTheSenderAddressIgnoringCase() {
    assertThat(f.matches("{'from': 'Jan@Client.example'}", f.mail("jan@client.example", "a"))).isTrue();
    assertThat(f.matches("{'from': 'jan@client.example'}", f.mail("eva@client.example", "a"))).isFalse();
  }

  @Test
  void fromDomainShouldMatchTheDomainAndItsSubdomainsOnly() {
    assertThat(f.matches("{'fromDomain': 'client.example'}", f.mail("jan@client.example", "a"))).isTrue();
    assertThat(f.matches("{'fromDomain': 'client.example'}", f.mail("jan@mail.client.example", "a"))).isTrue();
    assertThat(f.matches("{'fromDomain': 'client.example'}", f.mail("jan@otherclient.example", "a"))).isFalse();
  }

  @Test
  void toShouldMatchAnAddressOfTheToHeader() {
    assertThat(f.matches("{'to': '" + f.at("info") + "'}", f.mail("jan@client.example", "a"))).isTrue();
    assertThat(f.matches("{'to': '" + f.at("sales") + "'}", f.mail("jan@client.example", "a"))).isFalse();
  }

  @Test
  void ccShouldMatchAnAddressOfTheCcHeader() {
    String cond = "{'cc': 'boss@client.example'}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "a").header("Cc", "Boss <boss@client.example>")))
        .isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "a"))).isFalse();
  }

  @Test
  void deliveredToShouldMatchTheDeliveredToHeader() {
    String cond = "{'deliveredTo': 'buchhaltung@acme.example'}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "a").header("Delivered-To", "buchhaltung@acme.example")))
        .isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "a").header("Delivered-To", "info@acme.example")))
        .isFalse();
  }

  @Test
  void recipientShouldMatchToCcOrDeliveredTo() {
    String cond = "{'recipient': 'x@acme.example'}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "a").header("Cc", "x@acme.example"))).isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "a").header("Delivered-To", "x@acme.example"))).isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "a"))).isFalse();
  }

  @Test
  void subjectContainsShouldIgnoreCase() {
    assertThat(f.matches("{'subject': {'contains': 'INVOICE'}}", f.mail("a@b.example", "Your invoice 7"))).isTrue();
    assertThat(f.matches("{'subject': {'contains': 'invoice'}}", f.mail("a@b.example", "Your order"))).isFalse();
  }

  @Test
  void subjectRegexShouldBeFoundAnywhere() {
    String cond = "{'subject': {'regex': 'Case #\\\\d{4}'}}";
    assertThat(f.matches(cond, f.mail("a@b.example", "Re: Case #2024 keys"))).isTrue();
    assertThat(f.matches(cond, f.mail("a@b.example", "Re: Case #20 keys"))).isFalse();
  }

  @Test
  void subjectEqualsShouldCompareTheWholeSubject() {
    assertThat(f.matches("{'subject': {'equals': 'hello'}}", f.mail("a@b.example", "Hello"))).isTrue();
    assertThat(f.matches("{'subject': {'equals': 'hello'}}", f.mail("a@b.example", "Hello there"))).isFalse();
  }

  @Test
  void bodyContainsAndRegexShouldLookAtThePlainText() {
    assertThat(f.matches("{'body': {'contains': 'water damage'}}",
        f.mail("a@b.example", "x").body("We have WATER DAMAGE in flat 3."))).isTrue();
    assertThat(f.matches("{'body': {'regex': 'flat \\\\d+'}}", f.mail("a@b.example", "x").body("flat 12 please")))
        .isTrue();
    assertThat(f.matches("{'body': {'contains': 'water damage'}}", f.mail("a@b.example", "x").body("All fine.")))
        .isFalse();
  }

  @Test
  void headerShouldMatchPresenceOrValue() {
    assertThat(f.matches("{'header': {'name': 'X-Priority', 'exists': true}}",
        f.mail("a@b.example", "x").header("X-Priority", "1"))).isTrue();
    assertThat(f.matches("{'header': {'name': 'X-Priority', 'exists': true}}", f.mail("a@b.example", "x"))).isFalse();
    assertThat(f.matches("{'header': {'name': 'x-mailer', 'regex': '^Outlook'}}",
        f.mail("a@b.example", "x").header("X-Mailer", "Outlook 16"))).isTrue();
    assertThat(f.matches("{'header': {'name': 'X-Mailer', 'equals': 'thunderbird'}}",
        f.mail("a@b.example", "x").header("X-Mailer", "Outlook 16"))).isFalse();
  }

  @Test
  void hasAttachmentShouldTellMailWithAFileFromMailWithout() {
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    assertThat(f.matches("{'hasAttachment': true}", f.mail("a@b.example", "x").attach("a.pdf", pdf))).isTrue();
    assertThat(f.matches("{'hasAttachment': true}", f.mail("a@b.example", "x"))).isFalse();
    assertThat(f.matches("{'hasAttachment': false}", f.mail("a@b.example", "x"))).isTrue();
  }

  @Test
  void attachmentNameShouldMatchAFileName() {
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    String cond = "{'attachmentName': {'regex': '(?i)\\\\.pdf$'}}";
    assertThat(f.matches(cond, f.mail("a@b.example", "x").attach("Invoice-7.PDF", pdf))).isTrue();
    assertThat(f.matches(cond, f.mail("a@b.example", "x").attach("photo.jpg", pdf))).isFalse();
  }

  @Test
  void attachmentTypeShouldMatchExactTypesAndWildcards() {
    byte[] data = {1, 2, 3};
    assertThat(f.matches("{'attachmentType': 'application/octet-stream'}",
        f.mail("a@b.example", "x").attach("a.bin", data))).isTrue();
    assertThat(f.matches("{'attachmentType': 'application/*'}", f.mail("a@b.example", "x").attach("a.bin", data)))
        .isTrue();
    assertThat(f.matches("{'attachmentType': 'image/*'}", f.mail("a@b.example", "x").attach("a.bin", data)))
        .isFalse();
  }

  @Test
  void sizeShouldCompareTheRawSize() {
    assertThat(f.matches("{'size': {'min': 20000}}", f.mail("a@b.example", "x").body("y".repeat(30000)))).isTrue();
    assertThat(f.matches("{'size': {'min': 20000}}", f.mail("a@b.example", "x"))).isFalse();
    assertThat(f.matches("{'size': {'max': 20000}}", f.mail("a@b.example", "x"))).isTrue();
  }

  @Test
  void businessHoursShouldUseTheZoneOfTheRule() {
    String cond = "{'businessHours': {'zone': 'Europe/Berlin', 'from': '08:00', 'to': '17:00'}}";
    // Monday 09:00 UTC is 10:00 in Berlin
    assertThat(f.matches(cond, f.mail("a@b.example", "x"))).isTrue();
    // Monday 16:30 UTC is 17:30 in Berlin: closed
    f.clock.set(Instant.parse("2026-03-02T16:30:00Z"));
    assertThat(f.matches(cond, f.mail("a@b.example", "x"))).isFalse();
    // the same instant in New York is 11:30
    assertThat(f.matches("{'businessHours': {'zone': 'America/New_York'}}", f.mail("a@b.example", "x"))).isTrue();
  }

  @Test
  void businessHoursShouldExcludeTheWeekendAndMayBeNegated() {
    f.clock.set(Instant.parse("2026-03-07T10:00:00Z")); // a Saturday
    assertThat(f.matches("{'businessHours': true}", f.mail("a@b.example", "x"))).isFalse();
    assertThat(f.matches("{'not': {'businessHours': true}}", f.mail("a@b.example", "x"))).isTrue();
  }

  @Test
  void weekdayShouldUseTheEngineZoneByDefault() {
    // Sunday 23:30 UTC is already Monday in Berlin, the engine's zone
    f.clock.set(Instant.parse("2026-03-01T23:30:00Z"));
    assertThat(f.matches("{'weekday': ['MON']}", f.mail("a@b.example", "x"))).isTrue();
    assertThat(f.matches("{'weekday': {'days': ['MON'], 'zone': 'UTC'}}", f.mail("a@b.example", "x"))).isFalse();
  }

  @Test
  void charsetShouldReadTheContentType() {
    assertThat(f.matches("{'charset': 'utf-8'}", f.mail("a@b.example", "x"))).isTrue();
    assertThat(f.matches("{'charset': ['iso-2022-jp', 'shift_jis']}", f.mail("a@b.example", "x"))).isFalse();
  }

  @Test
  void languageShouldPreferContentLanguageAndElseGuessFromTheText() {
    assertThat(f.matches("{'language': 'de'}", f.mail("a@b.example", "Frage")
        .body("Sehr geehrte Damen und Herren, die Heizung ist nicht warm. Bitte helfen Sie mir."))).isTrue();
    assertThat(f.matches("{'language': 'de'}", f.mail("a@b.example", "Question")
        .body("Dear team, the heating is not working. Could you please have a look? Thanks"))).isFalse();
    assertThat(f.matches("{'language': 'pl'}", f.mail("a@b.example", "x").header("Content-Language", "pl-PL")
        .body("Dear team, the heating is not working."))).isTrue();
  }

  @Test
  void spamShouldReadTheSpamFilterHeaders() {
    assertThat(f.matches("{'spam': true}", f.mail("a@b.example", "x").header("X-Spam-Flag", "YES"))).isTrue();
    assertThat(f.matches("{'spam': true}", f.mail("a@b.example", "x").header("X-Spam-Status", "Yes, score=9.1")))
        .isTrue();
    assertThat(f.matches("{'spam': true}", f.mail("a@b.example", "x").header("X-Spam-Flag", "NO"))).isFalse();
  }

  @Test
  void replyShouldTellAReplyToAnExistingConversationFromANewOne() {
    f.rule("{'reply': true}", "[{'tag': 'hit'}]");
    Conversation first = f.ingest(f.mail("jan@client.example", "Keys").messageId("k1@client.example"));
    assertThat(first.tags()).doesNotContain("hit");
    Conversation reply = f.ingest(f.mail("jan@client.example", "Re: Keys").inReplyTo("k1@client.example"));
    assertThat(reply.id()).isEqualTo(first.id());
    assertThat(reply.tags()).contains("hit");
  }

  @Test
  void knownContactShouldAskTheHostDirectory() {
    f.directory.contact("jan@client.example", null, null);
    assertThat(f.matches("{'knownContact': true}", f.mail("jan@client.example", "x"))).isTrue();
    assertThat(f.matches("{'knownContact': true}", f.mail("eva@client.example", "x"))).isFalse();
  }

  @Test
  void allShouldNeedEveryPart() {
    String cond = "{'all': [{'fromDomain': 'client.example'}, {'subject': {'contains': 'invoice'}}]}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "invoice 1"))).isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "hello"))).isFalse();
    assertThat(f.matches(cond, f.mail("jan@other.example", "invoice 1"))).isFalse();
  }

  @Test
  void anyShouldNeedOnePart() {
    String cond = "{'any': [{'from': 'jan@client.example'}, {'subject': {'contains': 'urgent'}}]}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "hello"))).isTrue();
    assertThat(f.matches(cond, f.mail("eva@other.example", "URGENT: leak"))).isTrue();
    assertThat(f.matches(cond, f.mail("eva@other.example", "hello"))).isFalse();
  }

  @Test
  void notShouldInvertAndNestWithAllAndAny() {
    String cond = "{'all': [{'fromDomain': 'client.example'},"
        + " {'not': {'any': [{'subject': {'contains': 'newsletter'}}, {'spam': true}]}}]}";
    assertThat(f.matches(cond, f.mail("jan@client.example", "keys"))).isTrue();
    assertThat(f.matches(cond, f.mail("jan@client.example", "Newsletter March"))).isFalse();
    assertThat(f.matches(cond, f.mail("jan@client.example", "keys").header("X-Spam-Flag", "YES"))).isFalse();
  }

  @Test
  void failedConditionShouldBeNamedInTheTraceWithWhatTheMessageHad() {
    f.rule("{'all': [{'fromDomain': 'client.example'}, {'subject': {'contains': 'invoice'}}]}", "[{'tag': 'hit'}]");
    Conversation c = f.ingest(f.mail("jan@client.example", "Broken heating"));
    assertThat(f.trace(c)).anySatisfy(line -> assertThat(line)
        .contains("rule #1 r: no").contains("subject contains \"invoice\"").contains("was \"Broken heating\""));
  }
}
