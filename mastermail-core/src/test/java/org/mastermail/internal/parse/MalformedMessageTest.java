package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MalformedMessageTest {
  @Test
  void missingBlankLineAfterHeadersShouldStartTheBodyAtTheFirstNonHeaderLine() {
    ParsedMessage m = Mail.parse("""
        From: a@example.com
        Subject: no blank line
        Hello there,
        second line
        third line
        """);

    assertThat(m.subject()).isEqualTo("no blank line");
    assertThat(m.text()).isEqualTo("Hello there,\nsecond line\nthird line\n");
    assertThat(m.problems()).anyMatch(p -> p.contains("missing blank line after the headers"));
  }

  @Test
  void missingBlankLineInAPartShouldStillGiveItsBody() {
    ParsedMessage m = Mail.parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain
        Hello from the part
        --b--
        """);

    assertThat(m.text()).isEqualTo("Hello from the part");
    assertThat(m.problems()).anyMatch(p -> p.contains("in part 1"));
  }

  @Test
  void headersWithoutBodyOrFinalNewlineShouldBeClean() {
    ParsedMessage m = Mail.parse("Subject: only headers");

    assertThat(m.subject()).isEqualTo("only headers");
    assertThat(m.text()).isEmpty();
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void missingClosingBoundaryShouldKeepThePartsAndBeReported() {
    ParsedMessage m = Mail.parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        body text
        --b
        Content-Type: application/pdf; name=a.pdf

        pdf bytes
        """);

    assertThat(m.text()).isEqualTo("body text");
    assertThat(m.attachments()).extracting(AttachmentInfo::filename).containsExactly("a.pdf");
    assertThat(m.problems()).anyMatch(p -> p.contains("missing closing boundary"));
  }

  @Test
  void boundaryThatNeverAppearsShouldNotLoseTheMessage() {
    ParsedMessage m = Mail.parse("""
        Subject: wrong boundary
        Content-Type: multipart/mixed; boundary=declared

        --other
        Content-Type: text/plain

        Hello
        --other--
        """);

    assertThat(m.subject()).isEqualTo("wrong boundary");
    assertThat(m.text()).contains("Hello");
    assertThat(m.problems()).anyMatch(p -> p.contains("no body part found"));
  }

  @Test
  void multipartWithoutAnyBoundaryLineShouldGiveItsContentAsText() {
    ParsedMessage m = Mail.parse("Content-Type: multipart/alternative; boundary=b\n\nJust the text, no parts.\n");

    assertThat(m.text()).isEqualTo("Just the text, no parts.\n");
    assertThat(m.problems()).anyMatch(p -> p.contains("no body part found in the multipart at the message"));
  }

  @Test
  void partsWithoutHeadersShouldBeReadAsPlainTextWithoutProblems() {
    ParsedMessage m = Mail.parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond\n--b--\n");

    assertThat(m.text()).isEqualTo("first\nsecond");
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void digestPartsShouldDefaultToAttachedMessages() {
    ParsedMessage m = Mail.parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nfirst\n--d--\n");

    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.contentType()).isEqualTo("message/rfc822");
      assertThat(a.filename()).isEqualTo("one.eml");
    });
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void multipartWithoutBoundaryParameterShouldBeReadAsText() {
    ParsedMessage m = Mail.parse("Content-Type: multipart/mixed\n\nplain content\n");

    assertThat(m.text()).isEqualTo("plain content\n");
    assertThat(m.problems()).anyMatch(p -> p.contains("multipart/mixed in part 1 has no boundary"));
  }

  @Test
  void veryLongLinesShouldBeReadWhole() {
    String longLine = "x".repeat(10_000);
    ParsedMessage m = Mail.parse("Subject: " + longLine + "\nX-Long: " + longLine + "\n\n" + longLine + "\n");

    assertThat(m.subject()).isEqualTo(longLine);
    assertThat(m.header("X-Long")).contains(longLine);
    assertThat(m.text()).isEqualTo(longLine + "\n");
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void headerLineBeyondTheFoldingLimitShouldBeKeptBoundedAndReported() {
    String huge = "y".repeat(HeaderRepairInputStream.FOLD_AT * 3);
    ParsedMessage m = Mail.parse(Mail.bytes("X-Huge: " + huge + "\nSubject: after\n\nbody\n",
        StandardCharsets.US_ASCII));

    assertThat(m.subject()).isEqualTo("after");
    assertThat(m.header("X-Huge")).hasValueSatisfying(v -> assertThat(v).hasSize(10_000));
    assertThat(m.text()).isEqualTo("body\n");
    assertThat(m.problems()).anyMatch(p -> p.contains("folded"));
  }

  @Test
  void partHeaderLineOverAMegabyteShouldStopTheParseWithAProblem() {
    ParsedMessage m = Mail.parse(Mail.bytes("Subject: kept\nContent-Type: multipart/mixed; boundary=b\n\n--b\nX-Big: "
        + "z".repeat(1_100_000) + "\n\nbody\n--b--\n", StandardCharsets.US_ASCII));

    assertThat(m.subject()).isEqualTo("kept");
    assertThat(m.problems()).anyMatch(p -> p.startsWith("header line longer than 1048576 bytes in part 1"));
  }

  @Test
  void nestingTwoHundredLevelsDeepShouldBeTruncatedWithoutFailing() {
    StringBuilder message = new StringBuilder("Subject: deep\n");
    for (int i = 0; i < 200; i++) {
      message.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i)
          .append('\n');
    }
    message.append("Content-Type: text/plain\n\ninnermost\n");
    for (int i = 199; i >= 0; i--) {
      message.append("--b").append(i).append("--\n");
    }

    ParsedMessage m = Mail.parse(message.toString());

    assertThat(m.subject()).isEqualTo("deep");
    assertThat(m.problems()).anyMatch(p -> p.startsWith("nesting deeper than 64 levels truncated"));
  }

  @Test
  void messagesNestedTwoHundredDeepShouldBeTruncatedWithoutFailing() {
    String message = "Subject: innermost\n\ntext\n";
    for (int i = 0; i < 200; i++) {
      message = "Subject: level " + i + "\nContent-Type: message/rfc822\n\n" + message;
    }

    ParsedMessage m = Mail.parse(message);

    assertThat(m.subject()).isEqualTo("level 199");
    assertThat(m.attachments()).hasSize(65);
    assertThat(m.problems()).anyMatch(p -> p.startsWith("nesting deeper than 64 levels truncated"));
  }

  @Test
  void emptyInputShouldGiveAnEmptyMessageAndOneProblem() {
    ParsedMessage m = Mail.parse(new byte[0]);

    assertThat(m.subject()).isEmpty();
    assertThat(m.text()).isEmpty();
    assertThat(m.headers()).isEmpty();
    assertThat(m.rawSize()).isZero();
    assertThat(m.problems()).containsExactly("the message is empty");
  }

  @Test
  void binaryGarbageShouldParseToSomethingWithProblems() {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);

    ParsedMessage m = Mail.parse(garbage);

    assertThat(m.rawSize()).isEqualTo(garbage.length);
    assertThat(m.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(Problems.MAX_PROBLEMS + 1);
  }

  @Test
  void mboxFromLineShouldBeSkipped() {
    ParsedMessage m = Mail.parse("From sender@example.com Mon Jan  1 10:00:00 2024\nSubject: from mbox\n\nbody\n");

    assertThat(m.subject()).isEqualTo("from mbox");
    assertThat(m.text()).isEqualTo("body\n");
  }

  @Test
  void brokenBase64ShouldDecodeWhatItCanAndReport() {
    ParsedMessage m = Mail.parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: application/octet-stream; name=a.bin
        Content-Transfer-Encoding: base64

        aGVs!!bG8=
        --b--
        """);

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::sha256)
        .isEqualTo(Mail.sha256("hello".getBytes(StandardCharsets.US_ASCII)));
    assertThat(m.problems()).anyMatch(p -> p.contains("base64"));
  }

  @Test
  void bareLineFeedsShouldParseLikeCrlf() {
    byte[] raw = "Subject: lf\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nab=\ncd =C5=BC\n"
        .getBytes(StandardCharsets.US_ASCII);

    ParsedMessage m = Mail.parse(raw);

    assertThat(m.subject()).isEqualTo("lf");
    assertThat(m.text()).isEqualTo("abcd ż\n");
    assertThat(m.problems()).isEmpty();
  }
}
