package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AttachmentTest {
  private static final byte[] PDF = "%PDF-1.4 not really a pdf \u0000\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  private static String mixed(String... parts) {
    StringBuilder m = new StringBuilder("""
        From: a@example.com
        Subject: files
        Content-Type: multipart/mixed; boundary="b1"

        """);
    for (String part : parts) {
      m.append("--b1\n").append(part).append('\n');
    }
    return m.append("--b1--\n").toString();
  }

  private static String base64(byte[] data) {
    return Base64.getMimeEncoder().encodeToString(data);
  }

  @Test
  void attachmentShouldBeListedWithTheSha256AndSizeOfItsDecodedBytes() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: text/plain\n\nsee attached\n",
        "Content-Type: application/pdf; name=\"report.pdf\"\nContent-Disposition: attachment; filename=\"report.pdf\"\n"
            + "Content-Transfer-Encoding: base64\n\n" + base64(PDF) + "\n"));

    assertThat(m.text()).isEqualTo("see attached\n");
    assertThat(m.hasAttachments()).isTrue();
    assertThat(m.attachments()).containsExactly(new AttachmentInfo("2", "report.pdf", "application/pdf", null, false,
        PDF.length, Mail.sha256(PDF)));
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void inlineImageShouldBeListedWithItsContentIdBesideTheHtmlBody() {
    ParsedMessage m = Mail.parse("""
        Subject: logo
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: text/html; charset=utf-8

        <p><img src="cid:logo@x"></p>
        --rel
        Content-Type: image/png
        Content-ID: <logo@x>
        Content-Transfer-Encoding: base64

        """ + base64(PNG) + """

        --rel--
        """);

    assertThat(m.html()).isEqualTo("<p><img src=\"cid:logo@x\"></p>");
    assertThat(m.attachments()).containsExactly(new AttachmentInfo("2", null, "image/png", "logo@x", true,
        PNG.length, Mail.sha256(PNG)));
  }

  @Test
  void rfc2231FilenameWithContinuationsAndCharsetShouldBeJoinedAndDecoded() {
    ParsedMessage m = Mail.parse(mixed("""
        Content-Type: application/pdf
        Content-Disposition: attachment;
         filename*1*=%C4%99%C5%9Bl%C4%85%20ja%C5%BA%C5%84%20%E2%80%93%20;
         filename*0*=utf-8'pl'Za%C5%BC%C3%B3%C5%82%C4%87%20g;
         filename*2="raport 2024.pdf"

        x"""));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::filename)
        .isEqualTo("Zażółć gęślą jaźń – raport 2024.pdf");
  }

  @Test
  void rfc2231PlainContinuationsShouldBeJoinedAsWritten() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: application/pdf; name*0=\"100% \"; name*1=\"done.pdf\"\n\nx"));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::filename).isEqualTo("100% done.pdf");
  }

  @Test
  void rfc2231ExtendedNameInAnotherCharsetShouldBeDecoded() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: application/pdf; name*=iso-8859-2''%AF%F3%B3w+1.pdf\n\nx"));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::filename).isEqualTo("Żółw+1.pdf");
  }

  @Test
  void rfc2047EncodedFilenameShouldBeDecoded() {
    ParsedMessage m = Mail.parse(mixed(
        "Content-Type: application/pdf\nContent-Disposition: attachment; filename=\"=?UTF-8?B?RmFrdHVyYSDEjS4gMTIucGRm?=\"\n\nx"));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::filename).isEqualTo("Faktura č. 12.pdf");
  }

  @Test
  void directoriesShouldBeStrippedFromFilenames() {
    ParsedMessage m = Mail.parse(mixed(
        "Content-Type: application/octet-stream; name=\"C:\\\\Users\\\\jan\\\\evil.exe\"\n\nx",
        "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\n\nx"));

    assertThat(m.attachments()).extracting(AttachmentInfo::filename).containsExactly("evil.exe", "passwd");
  }

  @Test
  void partWithoutContentTypeShouldBeListedAsOctetStream() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: text/plain\n\nhi", "Content-Disposition: attachment; filename=a.bin\n\nxyz"));

    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.contentType()).isEqualTo("application/octet-stream");
      assertThat(a.filename()).isEqualTo("a.bin");
      assertThat(a.size()).isEqualTo(3);
    });
  }

  @Test
  void textPartWithAFilenameShouldBeAnAttachmentNotBody() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: text/plain\n\nbody", "Content-Type: text/plain\n"
        + "Content-Disposition: inline; filename=notes.txt\n\nnotes"));

    assertThat(m.text()).isEqualTo("body");
    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.filename()).isEqualTo("notes.txt");
      assertThat(a.inline()).isTrue();
      assertThat(a.contentType()).isEqualTo("text/plain");
    });
  }

  @Test
  void attachedMessageShouldBeListedAndItsOwnAttachmentsFollowWithNestedPaths() {
    byte[] inner = "inner file".getBytes(StandardCharsets.US_ASCII);
    String attached = Mail.crlf("""
        From: inner@example.com
        Subject: Quarterly numbers
        Message-ID: <inner@example.com>
        Content-Type: multipart/mixed; boundary="b2"

        --b2
        Content-Type: text/plain

        inner body
        --b2
        Content-Type: application/octet-stream; name=data.bin
        Content-Transfer-Encoding: base64

        """ + base64(inner) + """

        --b2--
        """);
    ParsedMessage m = Mail.parse(mixed("Content-Type: text/plain\n\nouter body",
        "Content-Type: message/rfc822\n\n" + attached));

    assertThat(m.text()).isEqualTo("outer body");
    assertThat(m.subject()).isEqualTo("files");
    assertThat(m.messageId()).isNull();
    assertThat(m.from()).isEqualTo(new Address("a@example.com", null));
    byte[] attachedBytes = attached.getBytes(StandardCharsets.US_ASCII);
    assertThat(m.attachments()).containsExactly(
        new AttachmentInfo("2", "Quarterly numbers.eml", "message/rfc822", null, false, attachedBytes.length,
            Mail.sha256(attachedBytes)),
        new AttachmentInfo("2.2", "data.bin", "application/octet-stream", null, false, inner.length,
            Mail.sha256(inner)));
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void attachedSinglePartMessageShouldNumberItsBodyInsideIt() {
    ParsedMessage m = Mail.parse(mixed("Content-Type: message/rfc822\n\nSubject: scan\nContent-Type: image/png\n\npng"));

    assertThat(m.attachments()).extracting(AttachmentInfo::partPath, AttachmentInfo::contentType)
        .containsExactly(tuple("1", "message/rfc822"), tuple("1.1", "image/png"));
    assertThat(m.attachments().get(0).filename()).isEqualTo("scan.eml");
  }
}
