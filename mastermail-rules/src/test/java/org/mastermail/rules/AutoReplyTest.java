package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mastermail.conversation.Conversation;
import org.mastermail.testkit.contract.Mails;

/** Automatic replies: the RFC 3834 / Sieve vacation suppression matrix, one line per test, the limit, the headers. */
class AutoReplyTest {
  private final Fixture f = new Fixture();

  @BeforeEach
  void acknowledgeEverything() {
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'autoReply': {'subject': 'Re: {subject}',"
        + " 'text': 'Thank you, we received your message.'}}]}]}");
  }

  private void assertSuppressed(Mails mail, String reason) {
    Conversation c = f.ingest(mail);
    assertThat(f.sink.replies()).isEmpty();
    assertThat(f.trace(c)).anySatisfy(l -> assertThat(l).startsWith("  auto-reply suppressed: ").contains(reason));
  }

  @Test
  void aPersonShouldGetAReply() {
    f.ingest(f.mail("jan@client.example", "Keys"));
    assertThat(f.sink.replies()).singleElement().satisfies(r -> {
      assertThat(r.to()).isEqualTo("jan@client.example");
      assertThat(r.subject()).isEqualTo("Re: Keys");
      assertThat(r.text()).isEqualTo("Thank you, we received your message.");
    });
  }

  @Test
  void nullReturnPathShouldSuppress() {
    assertSuppressed(f.mail("jan@client.example", "x").header("Return-Path", "<>"), "Return-Path is <>");
  }

  @Test
  void autoSubmittedOtherThanNoShouldSuppress() {
    assertSuppressed(f.mail("jan@client.example", "x").header("Auto-Submitted", "auto-generated"),
        "Auto-Submitted: auto-generated");
  }

  @Test
  void autoSubmittedNoShouldNotSuppress() {
    f.ingest(f.mail("jan@client.example", "x").header("Auto-Submitted", "no"));
    assertThat(f.sink.replies()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"List-Id", "List-Unsubscribe", "List-Post"})
  void anyListHeaderShouldSuppress(String header) {
    assertSuppressed(f.mail("jan@client.example", "x").header(header, "<news.client.example>"),
        "mailing list header " + header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bulk", "junk", "list", "Bulk"})
  void bulkPrecedenceShouldSuppress(String precedence) {
    assertSuppressed(f.mail("jan@client.example", "x").header("Precedence", precedence), "Precedence: " + precedence);
  }

  @ParameterizedTest
  @ValueSource(strings = {"All", "OOF", "DR, OOF, AutoReply"})
  void xAutoResponseSuppressShouldSuppress(String value) {
    assertSuppressed(f.mail("jan@client.example", "x").header("X-Auto-Response-Suppress", value),
        "X-Auto-Response-Suppress");
  }

  @Test
  void mailerDaemonShouldNotBeAnswered() {
    assertSuppressed(f.mail("MAILER-DAEMON@mx.client.example", "Undelivered"), "an automatic sender");
  }

  @Test
  void noReplySendersShouldNotBeAnswered() {
    assertSuppressed(f.mail("no-reply@shop.example", "Your order"), "an automatic sender (no-reply)");
  }

  @Test
  void listOwnerAddressesShouldNotBeAnswered() {
    assertSuppressed(f.mail("owner-tenants@lists.example", "x"), "a list owner address");
  }

  @Test
  void listRequestAddressesShouldNotBeAnswered() {
    assertSuppressed(f.mail("tenants-request@lists.example", "x"), "a list request address");
  }

  @Test
  void ourOwnMailboxAddressShouldNotBeAnswered() {
    assertSuppressed(f.mail(f.at("info"), "x"), "is one of our own mailboxes");
  }

  @Test
  void anotherMailboxOfTheTenantShouldNotBeAnswered() {
    assertSuppressed(f.mail(f.at("sales"), "x"), "is one of our own mailboxes");
  }

  @Test
  void aRobotReturnPathShouldNotBeAnsweredEvenWithAPersonInFrom() {
    assertSuppressed(f.mail("jan@client.example", "x").header("Return-Path", "<bounces-request@lists.example>"),
        "a list request address");
  }

  @Test
  void theSameSenderShouldGetOneReplyPerSevenDaysPerRule() {
    f.ingest(f.mail("jan@client.example", "one"));
    f.clock.advance(Duration.ofDays(6));
    Conversation second = f.ingest(f.mail("jan@client.example", "two"));
    assertThat(f.sink.replies()).hasSize(1);
    assertThat(f.trace(second)).anySatisfy(l -> assertThat(l).contains("at most one reply per 7 days"));

    f.clock.advance(Duration.ofDays(1).plusSeconds(1));
    f.ingest(f.mail("jan@client.example", "three"));
    assertThat(f.sink.replies()).hasSize(2);
  }

  @Test
  void theLimitShouldBePerSender() {
    f.ingest(f.mail("jan@client.example", "one"));
    f.ingest(f.mail("eva@client.example", "two"));
    assertThat(f.sink.replies()).extracting(AutoReply::to).containsExactly("jan@client.example", "eva@client.example");
  }

  @Test
  void theLimitShouldFollowTheRulesDays() {
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'autoReply': {'text': 'Thanks', 'days': 1}}]}]}");
    f.ingest(f.mail("jan@client.example", "one"));
    f.clock.advance(Duration.ofHours(25));
    f.ingest(f.mail("jan@client.example", "two"));
    assertThat(f.sink.replies()).hasSize(2);
  }

  @Test
  void theReplyShouldBeMarkedAutoRepliedAndSentWithANullEnvelopeSender() {
    f.ingest(f.mail("jan@client.example", "Keys").messageId("m1@client.example")
        .header("Return-Path", "<jan+bounce@client.example>"));
    assertThat(f.sink.replies()).singleElement().satisfies(r -> {
      assertThat(r.header("Auto-Submitted")).hasValue("auto-replied");
      assertThat(r.header("In-Reply-To")).hasValue("<m1@client.example>");
      assertThat(r.header("References")).hasValue("<m1@client.example>");
      assertThat(r.envelopeSender()).isNull();
      assertThat(r.from()).isEqualTo(f.at("info"));
      assertThat(r.to()).isEqualTo("jan+bounce@client.example");
      assertThat(r.rule()).isEqualTo("ack");
    });
  }

  @Test
  void theReplyShouldSayWhoIsAwayAndWhoHandlesTheMessage() {
    f.directory.away(f.o.alice.user(), Instant.parse("2026-03-10T12:00:00Z"), f.o.bob.user());
    f.tenantRules("{'rules': [{'id': 'ack', 'actions': [{'assign': '" + f.at("alice") + "'},"
        + " {'autoReply': {'text': 'Thank you. {absence}'}}]}]}");
    f.ingest(f.mail("jan@client.example", "Keys"));
    assertThat(f.sink.replies()).singleElement().satisfies(r -> {
      assertThat(r.text()).isEqualTo("Thank you. Alice is away until 2026-03-10; Bob handles your message.");
      assertThat(r.subject()).isEqualTo("Automatic reply: Keys");
    });
  }

  @Test
  void aSuppressedReplyShouldNotSpendTheLimit() {
    f.ingest(f.mail("jan@client.example", "x").header("Precedence", "bulk"));
    f.ingest(f.mail("jan@client.example", "y"));
    assertThat(f.sink.replies()).hasSize(1);
  }
}
