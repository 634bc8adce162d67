package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeTest {
  private static ParsedMessage headers(String headers) {
    return Mail.parse(headers + "\n\nbody\n");
  }

  @Test
  void messageIdShouldLoseItsBracketsAndSurroundingSpace() {
    assertThat(headers("Message-ID:   <abc.123@mail.example.com>  ").messageId()).isEqualTo("abc.123@mail.example.com");
  }

  @Test
  void firstOfSeveralMessageIdsShouldWin() {
    assertThat(headers("Message-ID: <one@x>\nMessage-ID: <two@x>").messageId()).isEqualTo("one@x");
  }

  @Test
  void messageIdWithoutBracketsShouldStillBeRead() {
    assertThat(headers("Message-Id: bare-id@x.example").messageId()).isEqualTo("bare-id@x.example");
  }

  @Test
  void foldedReferencesWithGarbageBetweenShouldGiveTheIdsInOrder() {
    ParsedMessage m = headers("""
        References: <a@x.example>
         garbage (comment) <b@x.example>,
        \t<c@x.example> "quoted" <a@x.example>
        In-Reply-To: Your message of Monday
         <c@x.example> and <d@x.example>""");

    assertThat(m.references()).containsExactly("a@x.example", "b@x.example", "c@x.example");
    assertThat(m.inReplyTo()).isEqualTo("c@x.example");
  }

  @Test
  void idFoldedInTheMiddleShouldBeJoined() {
    assertThat(headers("References: <very-long-id\n @x.example>").references()).containsExactly("very-long-id@x.example");
  }

  @Test
  void onlyTheLastHundredReferencesShouldBeKept() {
    String ids = IntStream.range(0, 150).mapToObj(i -> "<id" + i + "@x>").collect(Collectors.joining("\n "));

    ParsedMessage m = headers("References: " + ids);

    assertThat(m.references()).hasSize(100).startsWith("id50@x").endsWith("id149@x");
  }

  @Test
  void nullReturnPathShouldBeEmpty() {
    assertThat(headers("Return-Path: <>").returnPath()).isEmpty();
  }

  @Test
  void returnPathShouldLoseItsBracketsAndLowerCaseItsDomain() {
    assertThat(headers("Return-Path: <Bounce+X@Lists.Example.COM>").returnPath()).isEqualTo("Bounce+X@lists.example.com");
  }

  @Test
  void absentReturnPathShouldBeNull() {
    assertThat(headers("Subject: x").returnPath()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mon, 1 Jan 2024 10:00:00 +0100           | 2024-01-01T09:00:00Z",
      "Tue, 02 Jan 2024 10:00 -0500 (EST)        | 2024-01-02T15:00:00Z",
      "3 Jan 24 10:00:00 GMT                     | 2024-01-03T10:00:00Z",
      "Thu,  4 Jan 2024 10:00:00 CET             | 2024-01-04T09:00:00Z",
      "Friday, 5 January 2024 10:00:00 +0000     | 2024-01-05T10:00:00Z",
      "Sat Jan  6 10:00:00 2024                  | 2024-01-06T10:00:00Z",
      "2024-01-07T10:00:00+02:00                 | 2024-01-07T08:00:00Z",
      "Mon, 8 Jan 2024 10:00:60 +0000 (leap)     | 2024-01-08T10:00:59Z"})
  void datesShouldBeParsedLenientlyWithTheirZone(String header, String expected) {
    assertThat(headers("Date: " + header).date()).isEqualTo(Instant.parse(expected));
  }

  @Test
  void garbageDateShouldBeNullAndReported() {
    ParsedMessage m = headers("Date: sometime last week");

    assertThat(m.date()).isNull();
    assertThat(m.problems()).anyMatch(p -> p.contains("unreadable Date header"));
  }

  @Test
  void impossibleDateShouldBeNull() {
    assertThat(headers("Date: Mon, 31 Feb 2024 10:00:00 +0000").date()).isNull();
  }

  @Test
  void addressListsShouldKeepOrderNamesAndLowerCaseDomains() {
    ParsedMessage m = headers("""
        From: "Kowalski, Jan" <Jan.Kowalski@Firma.PL>
        Sender: office@firma.pl
        Reply-To: help@firma.pl, Support Team <Support@Firma.pl>
        To: anna@a.example, "Bob B." <bob@b.example>
        To: carol@c.example
        Cc: Team: dave@d.example, erin@e.example;, undisclosed-recipients:;""");

    assertThat(m.from()).isEqualTo(new Address("Jan.Kowalski@firma.pl", "Kowalski, Jan"));
    assertThat(m.sender()).isEqualTo(new Address("office@firma.pl", null));
    assertThat(m.replyTo()).containsExactly(new Address("help@firma.pl", null),
        new Address("Support@firma.pl", "Support Team"));
    assertThat(m.to()).extracting(Address::address).containsExactly("anna@a.example", "bob@b.example", "carol@c.example");
    assertThat(m.cc()).extracting(Address::address).containsExactly("dave@d.example", "erin@e.example");
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void brokenAddressListsShouldKeepWhatLooksLikeAnAddressAndReportTheRest() {
    ParsedMessage m = headers("To: Nowak, Jan <jan@x.example>, <broken@y.example, plain words z@z.example");

    assertThat(m.to()).extracting(Address::address).contains("jan@x.example", "broken@y.example", "z@z.example");
    assertThat(m.problems()).anyMatch(p -> p.contains("in To"));
  }

  @Test
  void nonAsciiDomainsShouldNotBeCutShort() {
    ParsedMessage m = Mail.parse(Mail.bytes("From: Józef <józef@żółw.example>\n\nbody\n",
        java.nio.charset.StandardCharsets.UTF_8));

    assertThat(m.from()).isEqualTo(new Address("józef@żółw.example", "Józef"));
  }

  @Test
  void deliveredToAndOriginalToShouldBeCollectedWithoutDuplicates() {
    ParsedMessage m = headers("""
        Delivered-To: info@office.example
        X-Original-To: Info@Office.example
        Delivered-To: anna@office.example""");

    assertThat(m.deliveredTo()).extracting(Address::address).containsExactly("info@office.example",
        "anna@office.example");
  }

  @Test
  void fromWithoutAnyAddressShouldBeNullAndReported() {
    ParsedMessage m = headers("From: Just A Name");

    assertThat(m.from()).isNull();
    assertThat(m.problems()).anyMatch(p -> p.contains("unparseable address \"Just A Name\" in From"));
  }
}
