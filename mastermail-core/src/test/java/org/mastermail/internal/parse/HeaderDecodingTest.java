package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderDecodingTest {
  private static ParsedMessage withHeader(String header) {
    return Mail.parse(header + "\nMessage-ID: <x@example.com>\n\nbody\n");
  }

  @Test
  void polishUtf8QuotedPrintableSubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?UTF-8?Q?Za=C5=BC=C3=B3=C5=82=C4=87_g=C4=99=C5=9Bl=C4=85_ja=C5=BA=C5=84?=");

    assertThat(m.subject()).isEqualTo("Zażółć gęślą jaźń");
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void polishUtf8Base64SubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?UTF-8?B?WmHFvMOzxYLEhyBnxJnFm2zEhSBqYcW6xYQ=?=");

    assertThat(m.subject()).isEqualTo("Zażółć gęślą jaźń");
  }

  @Test
  void polishIso88592SubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?ISO-8859-2?Q?=A3=F3d=BC=2C_ul=2E_Piotrkowska?=");

    assertThat(m.subject()).isEqualTo("Łódź, ul. Piotrkowska");
  }

  @Test
  void germanIso88591Base64SubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?ISO-8859-1?B?R3L832UgYXVzIE38bmNoZW4=?=");

    assertThat(m.subject()).isEqualTo("Grüße aus München");
  }

  @Test
  void czechWindows1250SubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?windows-1250?Q?P=F8=EDli=9A_=9Elu=9Dou=E8k=FD_k=F9=F2?=");

    assertThat(m.subject()).isEqualTo("Příliš žluťoučký kůň");
  }

  @Test
  void russianKoi8rSubjectShouldBeDecoded() {
    ParsedMessage m = withHeader("Subject: =?KOI8-R?B?8NLJ18XULCDNydI=?=");

    assertThat(m.subject()).isEqualTo("Привет, мир");
  }

  @Test
  void foldedSubjectOfSeveralEncodedWordsShouldBeJoinedWithoutTheFoldingSpace() {
    ParsedMessage m = withHeader("Subject: =?UTF-8?Q?Za=C5=BC=C3=B3=C5=82=C4=87_?=\n =?UTF-8?Q?g=C4=99=C5=9Bl=C4=85?=\n"
        + "\tand plain words");

    assertThat(m.subject()).isEqualTo("Zażółć gęślą and plain words");
  }

  @Test
  void displayNamesShouldBeDecodedInEveryCharset() {
    ParsedMessage m = Mail.parse("""
        From: =?UTF-8?Q?J=C3=B3zef_W=C4=85sowski?= <jozef@Example.PL>
        To: =?ISO-8859-1?B?SvxyZ2VuIE38bGxlcg==?= <juergen@example.de>,
         =?windows-1250?Q?Ji=F8=ED_Dvo=F8=E1k?= <jiri@example.cz>
        Cc: =?KOI8-R?B?6dfBziDwxdTSz9c=?= <ivan@example.ru>, =?ISO-8859-2?Q?=A3ukasz?= <lukasz@example.pl>

        body
        """);

    assertThat(m.from()).isEqualTo(new Address("jozef@example.pl", "Józef Wąsowski"));
    assertThat(m.to()).containsExactly(new Address("juergen@example.de", "Jürgen Müller"),
        new Address("jiri@example.cz", "Jiří Dvořák"));
    assertThat(m.cc()).containsExactly(new Address("ivan@example.ru", "Иван Петров"),
        new Address("lukasz@example.pl", "Łukasz"));
  }

  @Test
  void rawUtf8HeadersWithoutEncodingShouldBeReadAsUtf8() {
    byte[] raw = Mail.bytes("""
        From: Józef Wąsowski <jozef@example.pl>
        Subject: Zażółć gęślą jaźń — Привет

        body
        """, StandardCharsets.UTF_8);

    ParsedMessage m = Mail.parse(raw);

    assertThat(m.subject()).isEqualTo("Zażółć gęślą jaźń — Привет");
    assertThat(m.from()).isEqualTo(new Address("jozef@example.pl", "Józef Wąsowski"));
  }

  @Test
  void rawLatin1HeadersThatAreNotUtf8ShouldBeReadAsWindows1252() {
    byte[] raw = Mail.bytes("Subject: Grüße – €5\n\nbody\n", Charset.forName("windows-1252"));

    assertThat(Mail.parse(raw).subject()).isEqualTo("Grüße – €5");
  }

  @Test
  void unknownCharsetInAnEncodedWordShouldFallBackAndBeReported() {
    ParsedMessage m = withHeader("Subject: =?x-unknown?Q?caf=E9?=");

    assertThat(m.subject()).isEqualTo("café");
    assertThat(m.problems()).anyMatch(p -> p.contains("unknown charset x-unknown in header Subject"));
  }

  @Test
  void controlCharactersShouldBeRemovedFromTheSubject() {
    ParsedMessage m = withHeader("Subject: a\u0007b\u0000c =?UTF-8?Q?d=0De?=");

    assertThat(m.subject()).isEqualTo("abc de");
  }

  @Test
  void missingSubjectShouldBeEmpty() {
    assertThat(Mail.parse("From: a@example.com\n\nbody\n").subject()).isEmpty();
  }

  @Test
  void headersShouldBeListedInOrderDecodedAndFindableIgnoringCase() {
    ParsedMessage m = Mail.parse("""
        Received: from a
        Received: from b
        Auto-Submitted: auto-replied
        X-Note: =?UTF-8?Q?gr=C3=BC=C3=9F?=
        Subject: hi

        body
        """);

    assertThat(m.headers()).extracting(Header::name)
        .containsExactly("Received", "Received", "Auto-Submitted", "X-Note", "Subject");
    assertThat(m.header("auto-submitted")).contains("auto-replied");
    assertThat(m.headers("RECEIVED")).containsExactly("from a", "from b");
    assertThat(m.header("x-note")).contains("grüß");
    assertThat(m.header("Precedence")).isEmpty();
  }

  @Test
  void headerValuesShouldBeCappedAndHeaderCountLimited() {
    StringBuilder message = new StringBuilder("Subject: " + "x".repeat(500) + "\n");
    for (int i = 0; i < 20; i++) {
      message.append("X-N: ").append(i).append('\n');
    }
    message.append("\nbody\n");

    ParsedMessage m = Mail.parse(Mail.bytes(message.toString(), StandardCharsets.US_ASCII),
        new ParseLimits(1000, 1000, 100, 10, 64));

    assertThat(m.subject()).hasSize(100);
    assertThat(m.headers()).hasSize(10);
    assertThat(m.problems()).anyMatch(p -> p.contains("more than 10 headers"));
  }
}
