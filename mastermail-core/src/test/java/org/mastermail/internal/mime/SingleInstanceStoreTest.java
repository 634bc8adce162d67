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

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mastermail.internal.mime.SingleInstanceStore.Archived;
import org.mastermail.internal.mime.SingleInstanceStore.ExtractedPart;

class SingleInstanceStoreTest {
  private final MemoryBlobStore blobs = new MemoryBlobStore();
  private final SingleInstanceStore store = new SingleInstanceStore(blobs, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
  private final byte[] attachment = randomBytes(42, 20_000);

  @Test
  void simpleTextMailShouldRoundTripWithNothingExtracted() {
    Archived archived = assertRoundTrip(store, "From: a@example.com\r\nSubject: hi\r\n\r\nHello,\r\nsee you.\r\n");

    assertThat(archived.parts()).isEmpty();
    assertThat(blobs.blobCount()).isEqualTo(1);
  }

  record Layout(String eol, int lineLength, boolean finalNewline) {}

  static Stream<Arguments> layouts() {
    Stream.Builder<Arguments> layouts = Stream.builder();
    for (String eol : new String[] {CRLF, LF}) {
      for (int lineLength : new int[] {76, 64}) {
        for (boolean finalNewline : new boolean[] {true, false}) {
          String name = (eol.equals(CRLF) ? "CRLF" : "LF") + ", " + lineLength + "-character lines, "
              + (finalNewline ? "with" : "without") + " a final newline";
          layouts.add(Arguments.of(Named.of(name, new Layout(eol, lineLength, finalNewline))));
        }
      }
    }
    return layouts.build();
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void base64AttachmentShouldBeExtractedDecodedAndRoundTrip(Layout layout) {
    String mail = mixed(layout.eol(), "offer", "Please find attached.", base64(attachment, layout.lineLength(),
        layout.eol(), true));
    if (!layout.finalNewline()) {
      mail = mail.substring(0, mail.length() - layout.eol().length());
    }

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).containsExactly(new ExtractedPart(sha256(attachment), attachment.length, "base64"));
    assertThat(blobs.bytes(archived.parts().get(0).blob())).isEqualTo(attachment);
    assertThat(blobs.size(archived.skeleton())).isLessThan(1024);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void base64BodyRunningToTheEndOfASinglePartMessageShouldBeExtractedAndRoundTrip(Layout layout) {
    String eol = layout.eol();
    String mail = "Subject: scan" + eol + "Content-Type: image/png" + eol + "Content-Transfer-Encoding: base64" + eol
        + eol + base64(attachment, layout.lineLength(), eol, layout.finalNewline());

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(attachment));
  }

  @Test
  void lastBase64LineOfExactlyFullLengthShouldBeExtractedAndRoundTrip() {
    byte[] data = randomBytes(7, 57 * 100);

    Archived archived = assertRoundTrip(store, mixed(CRLF, "full", "text", base64(data, 76, CRLF, true)));

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(data));
  }

  @Test
  void blankLinesAfterBase64DataShouldBeKeptInTheSkeletonAndTheBodyExtracted() {
    String body = base64(attachment, 76, CRLF, true) + CRLF + CRLF;

    Archived archived = assertRoundTrip(store, mixed(CRLF, "blank lines", "text", body));

    assertThat(archived.parts()).hasSize(1);
  }

  @Test
  void attachmentSmallerThanTheThresholdShouldStayInline() {
    byte[] small = randomBytes(1, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES - 1);

    Archived archived = assertRoundTrip(store, mixed(CRLF, "small", "text", base64(small, 76, CRLF, true)));

    assertThat(archived.parts()).isEmpty();
  }

  @Test
  void attachmentOfExactlyTheThresholdShouldBeExtracted() {
    byte[] exact = randomBytes(1, SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);

    Archived archived = assertRoundTrip(store, mixed(CRLF, "exact", "text", base64(exact, 76, CRLF, true)));

    assertThat(archived.parts()).extracting(ExtractedPart::decodedSize).containsExactly(4096L);
  }

  @Test
  void nestedAlternativeInsideMixedShouldRoundTripWithTheAttachmentExtracted() {
    String html = "<p>" + "Hello ".repeat(2000) + "</p>";
    String mail = String.join(CRLF,
        "Subject: nested",
        "Content-Type: multipart/mixed; boundary=outer",
        "",
        "--outer",
        "Content-Type: multipart/alternative; boundary=\"inner\"",
        "",
        "--inner",
        "Content-Type: text/plain",
        "",
        "Hello",
        "--inner",
        "Content-Type: text/html",
        "",
        html,
        "--inner--",
        "",
        "--outer",
        "Content-Type: application/octet-stream",
        "Content-Transfer-Encoding: base64",
        "",
        base64(attachment, 76, CRLF, false),
        "--outer--",
        "");

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(attachment));
  }

  @Test
  void encapsulatedMessageShouldHaveItsOwnAttachmentExtracted() {
    byte[] inner = randomBytes(99, 30_000);
    String forwarded = mixed(CRLF, "original", "the original text", base64(inner, 76, CRLF, true));
    String mail = String.join(CRLF,
        "Subject: Fwd: original",
        "Content-Type: multipart/mixed; boundary=fwd",
        "",
        "--fwd",
        "Content-Type: text/plain",
        "",
        "see below",
        "--fwd",
        "Content-Type: message/rfc822",
        "",
        forwarded + "--fwd",
        "Content-Type: application/zip",
        "Content-Transfer-Encoding: base64",
        "",
        base64(attachment, 76, CRLF, false),
        "--fwd--",
        "");

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(inner), sha256(attachment));
  }

  @Test
  void partsOfADigestShouldBeReadAsMessagesByDefault() {
    String digestPart = "Subject: one" + CRLF + "Content-Type: application/pdf" + CRLF
        + "Content-Transfer-Encoding: base64" + CRLF + CRLF + base64(attachment, 76, CRLF, true);
    String mail = "Content-Type: multipart/digest; boundary=d" + CRLF + CRLF + "--d" + CRLF + CRLF + digestPart
        + "--d--" + CRLF;

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(attachment));
  }

  @Test
  void raggedBase64ShouldStayInlineAndRoundTrip() {
    String canonical = base64(attachment, 76, CRLF, true);
    String ragged = canonical.substring(0, 300) + CRLF + canonical.substring(300);

    Archived archived = assertRoundTrip(store, mixed(CRLF, "ragged", "text", ragged));

    assertThat(archived.parts()).isEmpty();
  }

  @Test
  void base64WithMixedLineEndingsShouldStayInline() {
    String canonical = base64(attachment, 76, CRLF, true);
    String mixedEndings = canonical.replaceFirst("\r\n", "\n");

    assertThat(assertRoundTrip(store, mixed(CRLF, "mixed", "text", mixedEndings)).parts()).isEmpty();
  }

  @Test
  void base64WithNonZeroPaddingBitsShouldStayInline() {
    byte[] data = randomBytes(3, 5000);
    String canonical = base64(data, 76, CRLF, true);
    // "Q==" style endings: turning the last data character before "==" into one with low bits set keeps it decodable
    int pad = canonical.indexOf('=');
    assertThat(pad).isPositive();
    String sloppy = canonical.substring(0, pad - 1) + "B" + canonical.substring(pad);
    assertThat(canonical.charAt(pad - 1)).isNotEqualTo('B');

    assertThat(assertRoundTrip(store, mixed(CRLF, "pad bits", "text", sloppy)).parts()).isEmpty();
  }

  @Test
  void base64WithTrailingSpacesShouldStayInline() {
    String spaced = base64(attachment, 76, CRLF, true).replace("\r\n", " \r\n");

    assertThat(assertRoundTrip(store, mixed(CRLF, "spaces", "text", spaced)).parts()).isEmpty();
  }

  @Test
  void largeBinaryAttachmentShouldBeStoredAsItIsWithoutTheLineEndingBeforeTheBoundary() {
    byte[] binary = randomBytes(11, 50_000);
    byte[] mail = concat(bytes("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"), binary,
        bytes("\r\n--b--\r\n"));

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).containsExactly(new ExtractedPart(sha256(binary), binary.length, "binary"));
  }

  @Test
  void largeQuotedPrintableAttachmentShouldBeStoredAsItIs() {
    String qp = "caf=C3=A9 au lait=\r\n".repeat(1000);
    String mail = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/csv\r\n"
        + "Content-Disposition: attachment; filename=prices.csv\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\n"
        + qp + "--b--\r\n";

    Archived archived = assertRoundTrip(store, mail);

    assertThat(archived.parts()).extracting(ExtractedPart::contentTransferEncoding).containsExactly("quoted-printable");
  }

  @Test
  void largeTextBodyWithoutAttachmentDispositionShouldStayInline() {
    String mail = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "Lorem ipsum dolor sit amet.\r\n".repeat(2000);

    assertThat(assertRoundTrip(store, mail).parts()).isEmpty();
  }

  @Test
  void storingTheSameMessageTwiceShouldGiveTheSameSkeleton() {
    String mail = mixed(CRLF, "twice", "text", base64(attachment, 76, CRLF, true));

    Archived first = store.store(new ByteArrayInputStream(bytes(mail)));
    Archived second = store.store(new ByteArrayInputStream(bytes(mail)));

    assertThat(second).isEqualTo(first);
    assertThat(blobs.blobCount()).isEqualTo(2);
  }

  @Test
  void sameAttachmentInFiftyMessagesShouldBeStoredOnce() {
    byte[] megabyte = randomBytes(2024, 1024 * 1024);
    String body = base64(megabyte, 76, CRLF, true);
    long skeletonBytes = 0;

    for (int i = 0; i < 50; i++) {
      String mail = mixed(i % 2 == 0 ? CRLF : LF, "offer number " + i, "Dear customer " + i + ",",
          i % 2 == 0 ? body : body.replace(CRLF, LF));
      Archived archived = assertRoundTrip(store, mail);
      assertThat(archived.parts()).extracting(ExtractedPart::blob).containsExactly(sha256(megabyte));
      skeletonBytes += blobs.size(archived.skeleton());
    }

    assertThat(blobs.blobCount()).isEqualTo(1 + 50);
    assertThat(blobs.bytes(sha256(megabyte))).isEqualTo(megabyte);
    assertThat(skeletonBytes).isLessThan(50 * 1024);
    assertThat(blobs.storedBytes()).isEqualTo(megabyte.length + skeletonBytes);
  }

  static byte[] concat(byte[]... arrays) {
    int length = 0;
    for (byte[] array : arrays) {
      length += array.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] array : arrays) {
      System.arraycopy(array, 0, all, at, array.length);
      at += array.length;
    }
    return all;
  }
}
