package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.internal.mime.Mails.CRLF;
import static org.mastermail.internal.mime.Mails.LF;
import static org.mastermail.internal.mime.Mails.assertRoundTrip;
import static org.mastermail.internal.mime.Mails.base64;
import static org.mastermail.internal.mime.Mails.bytes;
import static org.mastermail.internal.mime.Mails.mixed;
import static org.mastermail.internal.mime.Mails.randomBytes;
import static org.mastermail.internal.mime.Mails.sha256;
import static org.mastermail.internal.mime.SingleInstanceStoreTest.concat;

import org.junit.jupiter.api.Test;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;
import org.mastermail.internal.mime.SingleInstanceStore.ExtractedPart;

/** Whatever the bytes, {@code open(store(x))} gives back x; only what the scanner understands is extracted. */
class HostileInputTest {
  private final MemoryBlobStore blobs = new MemoryBlobStore();
  private final SingleInstanceStore store = new SingleInstanceStore(blobs, 64);
  private final byte[] attachment = randomBytes(5, 6000);
  private final String body = base64(attachment, 76, CRLF, true);

  @Test
  void emptyInputShouldRoundTrip() {
    Archived archived = assertRoundTrip(store, new byte[0]);

    assertThat(archived.rawSize()).isZero();
    assertThat(archived.parts()).isEmpty();
  }

  @Test
  void headersOnlyShouldRoundTrip() {
    assertRoundTrip(store, "Subject: nothing else\r\nContent-Type: multipart/mixed; boundary=x\r\n");
  }

  @Test
  void headersWithoutLineEndingAtTheEndShouldRoundTrip() {
    assertRoundTrip(store, "Subject: cut");
  }

  @Test
  void missingBlankLineAfterPartHeadersShouldRoundTrip() {
    String mail = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\n"
        + "Content-Transfer-Encoding: base64\r\n" + body + "--b\r\nContent-Type: text/plain\r\n--b--\r\n";

    assertThat(assertRoundTrip(store, mail).parts()).isEmpty();
  }

  @Test
  void missingClosingBoundaryShouldRoundTripAndStillExtract() {
    String mail = mixed(CRLF, "unclosed", "text", body).replace("--=_outer--\r\n", "");

    assertThat(assertRoundTrip(store, mail).parts()).extracting(ExtractedPart::blob).containsExactly(sha256(attachment));
  }

  @Test
  void malformedBoundaryLinesShouldRoundTrip() {
    String mail = mixed(CRLF, "malformed", "text", body)
        .replace("--=_outer\r\nContent-Type: text/plain", "--=_outerX\r\nContent-Type: text/plain")
        .replace("--=_outer--", "-- =_outer--");

    assertRoundTrip(store, mail);
  }

  @Test
  void garbageContentTypeShouldRoundTrip() {
    assertRoundTrip(store, "Content-Type: ;;;===\"\"\"; boundary=\r\n\r\n--\r\n\r\n--\"\r\nbody\r\n");
    assertRoundTrip(store, "Content-Type: multipart/mixed; boundary=\"unterminated\r\n\r\n--unterminated\r\n");
    assertRoundTrip(store, "Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n\r\n----\r\n");
  }

  @Test
  void boundaryLongerThanTheLimitShouldBeIgnoredAndRoundTrip() {
    String boundary = "b".repeat(10_000);
    String mail = "Content-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n--" + boundary + "\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + body + "--" + boundary + "--\r\n";

    assertThat(assertRoundTrip(store, mail).parts()).isEmpty();
  }

  @Test
  void boundaryLineInsideBase64ShouldEndThePartAndRoundTrip() {
    String cut = body.substring(0, 78 * 10) + "--=_outer\r\n" + body.substring(78 * 10);

    assertRoundTrip(store, mixed(CRLF, "cut", "text", cut));
  }

  @Test
  void base64WithJunkCharactersShouldStayInlineAndRoundTrip() {
    String junk = body.substring(0, 500) + "!*\u00e9\u0000" + body.substring(504);

    assertThat(assertRoundTrip(store, mixed(CRLF, "junk", "text", junk)).parts()).isEmpty();
  }

  @Test
  void paddingInTheMiddleShouldStayInlineAndRoundTrip() {
    String padded = body.substring(0, 78 * 3) + "QQ==" + CRLF + body.substring(78 * 3);

    assertThat(assertRoundTrip(store, mixed(CRLF, "padding", "text", padded)).parts()).isEmpty();
  }

  @Test
  void nulBytesAndEightBitGarbageShouldRoundTrip() {
    byte[] garbage = randomBytes(13, 100_000);

    assertRoundTrip(store, garbage);
    assertRoundTrip(store, concat(bytes("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"), garbage,
        bytes("\r\n--b--\r\n"), garbage));
  }

  @Test
  void tenThousandCharacterLinesShouldRoundTrip() {
    String longLine = "x".repeat(10_000);
    String mail = "Subject: " + longLine + "\r\nX-Long: " + longLine + "\r\n\r\n" + longLine + "\r\n" + longLine;

    assertRoundTrip(store, mail);
    assertRoundTrip(store, mixed(CRLF, longLine, longLine, body));
  }

  @Test
  void linesAroundTheReaderBufferSizeShouldRoundTrip() {
    StringBuilder mail = new StringBuilder("Subject: edges\r\n\r\n");
    for (int length = LineReader.DEFAULT_CAPACITY - 3; length <= LineReader.DEFAULT_CAPACITY + 3; length++) {
      mail.append("y".repeat(length)).append(length % 2 == 0 ? CRLF : LF).append('\r');
    }

    assertRoundTrip(store, mail.toString());
  }

  @Test
  void singleLineBase64LongerThanTheReaderBufferShouldBeExtractedAndRoundTrip() {
    byte[] big = randomBytes(17, 200_000);
    String mail = "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64(big, Integer.MAX_VALUE, CRLF, true);

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(big));
  }

  @Test
  void veryDeepMultipartNestingShouldRoundTripAndKeepTheDepthsBeyondTheCapInline() {
    StringBuilder mail = new StringBuilder();
    int levels = 2000;
    for (int i = 0; i < levels; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=level").append(i).append("\r\n\r\n--level").append(i)
          .append("\r\n");
    }
    mail.append("Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(body);
    for (int i = levels - 1; i >= 0; i--) {
      mail.append("--level").append(i).append("--\r\n");
    }

    assertThat(assertRoundTrip(store, mail.toString()).parts()).isEmpty();
  }

  @Test
  void nestingJustBelowTheCapShouldStillBeExtracted() {
    StringBuilder mail = new StringBuilder();
    int levels = MimeWalker.MAX_DEPTH - 1;
    for (int i = 0; i < levels; i++) {
      mail.append("Content-Type: multipart/mixed; boundary=level").append(i).append("\r\n\r\n--level").append(i)
          .append("\r\n");
    }
    mail.append("Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n").append(body);

    assertThat(assertRoundTrip(store, mail.toString()).parts()).hasSize(1);
  }

  @Test
  void deeplyNestedEncapsulatedMessagesShouldRoundTrip() {
    String mail = "Content-Type: message/rfc822\r\n\r\n".repeat(5000) + "Content-Transfer-Encoding: base64\r\n\r\n"
        + body;

    assertThat(assertRoundTrip(store, mail).parts()).isEmpty();
  }

  @Test
  void base64PartEndingWithoutLineEndingAtEndOfInputShouldBeExtractedAndRoundTrip() {
    String mail = mixed(CRLF, "cut", "text", body);
    mail = mail.substring(0, mail.indexOf("--=_outer--") - 2);

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(attachment));
  }

  @Test
  void bareCarriageReturnsAndMixedLineEndingsShouldRoundTrip() {
    String mail = mixed(CRLF, "mixed", "text", body);

    assertRoundTrip(store, mail.replace("\r\n", "\r"));
    assertRoundTrip(store, mail.replace("Content-Type", "Content-Type\r").replaceFirst("\r\n\r\n", "\n\r\n"));
    assertRoundTrip(store, mail.replace("--=_outer\r\n", "--=_outer\n"));
  }

  @Test
  void boundaryWithTrailingWhitespaceShouldBeRecognisedAndRoundTrip() {
    String mail = mixed(CRLF, "spaces", "text", body).replace("--=_outer\r\nContent-Type: application",
        "--=_outer \t\r\nContent-Type: application");

    assertThat(assertRoundTrip(store, mail).parts()).hasSize(1);
  }

  @Test
  void nestedMultipartWithTheSameBoundaryAsItsParentShouldRoundTrip() {
    String mail = "Content-Type: multipart/mixed; boundary=same\r\n\r\n--same\r\n"
        + "Content-Type: multipart/alternative; boundary=same\r\n\r\n--same\r\nContent-Type: application/pdf\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + body + "--same--\r\n--same--\r\n";

    assertRoundTrip(store, mail);
  }

  @Test
  void multipartWithoutAnyPartsShouldRoundTrip() {
    assertRoundTrip(store, "Content-Type: multipart/mixed; boundary=b\r\n\r\npreamble only\r\n");
    assertRoundTrip(store, "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\nepilogue\r\n--b\r\n");
  }
}
