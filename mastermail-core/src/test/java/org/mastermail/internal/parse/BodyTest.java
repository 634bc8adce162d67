package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTest {
  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void alternativeShouldGiveThePlainTextAndTheHtml() {
    ParsedMessage m = Mail.parse("""
        Subject: both
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/html; charset=utf-8

        <b>Hello</b>
        --alt
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Hello =C5=BC=C3=B3=C5=82w
        --alt--
        """);

    assertThat(m.text()).isEqualTo("Hello żółw");
    assertThat(m.html()).isEqualTo("<b>Hello</b>");
    assertThat(m.attachments()).isEmpty();
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void alternativeInsideMixedShouldStillGiveBothBodiesAndSkipLesserAlternatives() {
    ParsedMessage m = Mail.parse("""
        Content-Type: multipart/mixed; boundary=mix

        --mix
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/plain

        plain one
        --alt
        Content-Type: text/plain

        plain two
        --alt
        Content-Type: text/html

        <p>html</p>
        --alt
        Content-Type: text/calendar; method=REQUEST

        BEGIN:VCALENDAR
        --alt--
        --mix--
        """);

    assertThat(m.text()).isEqualTo("plain one");
    assertThat(m.html()).isEqualTo("<p>html</p>");
    assertThat(m.attachments()).extracting(AttachmentInfo::partPath, AttachmentInfo::contentType)
        .containsExactly(tuple("1.4", "text/calendar"));
  }

  @Test
  void htmlOnlyMailShouldGiveHtmlAndEmptyText() {
    ParsedMessage m = Mail.parse("Content-Type: text/html; charset=us-ascii\n\n<html><body><p>Hi</p></body></html>\n");

    assertThat(m.html()).isEqualTo("<html><body><p>Hi</p></body></html>\r\n");
    assertThat(m.text()).isEmpty();
    assertThat(m.attachments()).isEmpty();
  }

  @Test
  void plainMailShouldHaveNoHtmlAndNormalisedLineEnds() {
    ParsedMessage m = Mail.parse("Subject: x\n\nline one\nline two\n");

    assertThat(m.text()).isEqualTo("line one\nline two\n");
    assertThat(m.html()).isNull();
  }

  @Test
  void textPartsAroundAnInlineImageShouldBeJoined() {
    ParsedMessage m = Mail.parse("""
        Content-Type: multipart/mixed; boundary=mix

        --mix
        Content-Type: text/plain

        before
        --mix
        Content-Type: image/jpeg
        Content-Disposition: inline; filename=photo.jpg

        jpeg
        --mix
        Content-Type: text/plain

        after
        --mix--
        """);

    assertThat(m.text()).isEqualTo("before\nafter");
    assertThat(m.attachments()).extracting(AttachmentInfo::filename).containsExactly("photo.jpg");
  }

  @Test
  void unknownCharsetShouldBeDecodedWithTheFallbackAndReported() {
    byte[] raw = concat(Mail.bytes("Content-Type: text/plain; charset=x-unknown\n\n", StandardCharsets.US_ASCII),
        "Grüße, café".getBytes(Charset.forName("windows-1252")));

    ParsedMessage m = Mail.parse(raw);

    assertThat(m.text()).isEqualTo("Grüße, café");
    assertThat(m.problems()).anyMatch(p -> p.startsWith("unknown charset x-unknown in part 1"));
  }

  @Test
  void invalidUtf8BytesShouldBecomeReplacementCharactersWithoutFailing() {
    byte[] raw = concat(Mail.bytes("Content-Type: text/plain; charset=utf-8\n\n", StandardCharsets.US_ASCII),
        new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', ' ', (byte) 0xFF, (byte) 0xFE, ' ', (byte) 0xE2, (byte) 0x82});

    ParsedMessage m = Mail.parse(raw);

    assertThat(m.text()).startsWith("ok \uFFFD( \uFFFD").endsWith("\uFFFD");
    assertThat(m.problems()).anyMatch(p -> p.contains("invalid utf-8 bytes in part 1 replaced"));
  }

  @Test
  void eightBitTextWithoutCharsetShouldReadUtf8AndFallBackToWindows1252() {
    byte[] raw = concat(Mail.bytes("Subject: x\n\n", StandardCharsets.US_ASCII),
        "żółw ".getBytes(StandardCharsets.UTF_8), "café".getBytes(Charset.forName("windows-1252")));

    assertThat(Mail.parse(raw).text()).isEqualTo("żółw café");
  }

  @Test
  void declaredLegacyCharsetsShouldBeDecoded() {
    byte[] raw = concat(Mail.bytes("Content-Type: text/plain; charset=\"koi8-r\"\n\n", StandardCharsets.US_ASCII),
        "Привет".getBytes(Charset.forName("KOI8-R")));

    assertThat(Mail.parse(raw).text()).isEqualTo("Привет");
  }

  @Test
  void textAndHtmlShouldBeCappedAndFlaggedTruncated() {
    ParsedMessage m = Mail.parse(Mail.bytes("""
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/plain

        %s
        --alt
        Content-Type: text/html

        %s
        --alt--
        """.formatted("t".repeat(50), "h".repeat(50)), StandardCharsets.US_ASCII),
        new ParseLimits(10, 20, 100, 100, 64));

    assertThat(m.text()).isEqualTo("t".repeat(10));
    assertThat(m.textTruncated()).isTrue();
    assertThat(m.html()).isEqualTo("h".repeat(20));
    assertThat(m.htmlTruncated()).isTrue();
    assertThat(m.truncated()).isTrue();
  }

  @Test
  void textExactlyAtTheCapShouldNotBeFlaggedTruncated() {
    ParsedMessage m = Mail.parse(Mail.bytes("Subject: x\n\n" + "t".repeat(10), StandardCharsets.US_ASCII),
        new ParseLimits(10, 10, 100, 100, 64));

    assertThat(m.text()).hasSize(10);
    assertThat(m.textTruncated()).isFalse();
  }
}
