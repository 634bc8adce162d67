package org.mastermail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnownBodiesTest {
  private static final String FAKE_SHA = "ab".repeat(32);

  private static byte[] data(int length) {
    byte[] data = new byte[length];
    new SplittableRandom(length).nextBytes(data);
    return data;
  }

  /** A message with one base64 attachment of {@code data}; {@code body} receives where its encoded bytes lie. */
  private static byte[] message(byte[] data, long[] body) {
    String head = Mail.crlf("""
        From: a@example.com
        Subject: file
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain

        see attached
        --b1
        Content-Type: application/octet-stream; name="x.bin"
        Content-Transfer-Encoding: base64

        """);
    String encoded = Base64.getMimeEncoder().encodeToString(data) + "\r\n";
    body[0] = head.length();
    body[1] = encoded.length();
    return (head + encoded + "--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Known bodies read from {@code raw}, which may differ from the message parsed. */
  private static KnownBodies known(byte[] raw, KnownBodies.Body... bodies) {
    return new KnownBodies() {
      @Override
      public List<Body> bodies() {
        return List.of(bodies);
      }

      @Override
      public int read(long position, byte[] b, int off, int len) {
        if (position >= raw.length) {
          return -1;
        }
        int n = (int) Math.min(len, raw.length - position);
        System.arraycopy(raw, (int) position, b, off, n);
        return n;
      }
    };
  }

  private static ParsedMessage parse(byte[] message, KnownBodies known) {
    return new MessageParser(ParseLimits.DEFAULTS).parse(new ByteArrayInputStream(message), known);
  }

  @Test
  void anAttachmentWithTheBytesOfAKnownBodyShouldTakeItsDigestInsteadOfBeingDecoded() {
    long[] at = new long[2];
    byte[] message = message(data(50_000), at);

    ParsedMessage m = parse(message, known(message, new KnownBodies.Body(at[0], at[1], 7, FAKE_SHA)));

    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.sha256()).isEqualTo(FAKE_SHA);
      assertThat(a.size()).isEqualTo(7);
    });
  }

  @Test
  void aKnownBodyWithoutItsLastLineEndingShouldStillMatch() {
    long[] at = new long[2];
    byte[] message = message(data(5_000), at);

    ParsedMessage m = parse(message, known(message, new KnownBodies.Body(at[0], at[1] - 2, 7, FAKE_SHA)));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::sha256).isEqualTo(FAKE_SHA);
  }

  @Test
  void anAttachmentDifferingFromTheKnownBodyInOneByteShouldBeDecodedAsWithout() {
    long[] at = new long[2];
    byte[] data = data(70_000);
    byte[] message = message(data, at);
    ParsedMessage alone = Mail.parse(message);
    assertThat(alone.attachments()).singleElement().extracting(AttachmentInfo::sha256).isEqualTo(Mail.sha256(data));
    for (long offset : new long[] {0, 1, 255, 256, 16_383, 16_384, 40_000, at[1] - 3}) {
      byte[] other = message.clone();
      other[(int) (at[0] + offset)] = (byte) (other[(int) (at[0] + offset)] == 'A' ? 'B' : 'A');

      ParsedMessage m = parse(message, known(other, new KnownBodies.Body(at[0], at[1], 7, FAKE_SHA)));

      assertThat(m).as("differing at %d", offset).isEqualTo(alone);
    }
  }

  @Test
  void aKnownBodyShorterOrLongerThanThePartShouldNotMatch() {
    long[] at = new long[2];
    byte[] message = message(data(30_000), at);
    ParsedMessage alone = Mail.parse(message);
    for (long length : new long[] {at[1] - 7, at[1] - 4, at[1] + 3, at[1] + 12}) {
      ParsedMessage m = parse(message, known(message, new KnownBodies.Body(at[0], length, 7, FAKE_SHA)));

      assertThat(m).as("known length %d of %d", length, at[1]).isEqualTo(alone);
    }
  }

  @Test
  void aKnownBodyShouldBeTakenOnceAndOnlyByAPartThatStartsLikeIt() {
    long[] at = new long[2];
    byte[] message = message(data(20_000), at);
    KnownBodies.Body elsewhere = new KnownBodies.Body(0, at[1], 1, "cd".repeat(32));
    KnownBodies.Body right = new KnownBodies.Body(at[0], at[1], 7, FAKE_SHA);

    ParsedMessage m = parse(message, known(message, elsewhere, right));

    assertThat(m.attachments()).singleElement().extracting(AttachmentInfo::sha256).isEqualTo(FAKE_SHA);
  }

  @Test
  void aQuotedPrintableAttachmentShouldNeverBeTakenFromAKnownBody() {
    String qp = Mail.crlf("""
        From: a@example.com
        Content-Type: application/octet-stream; name="x.txt"
        Content-Disposition: attachment
        Content-Transfer-Encoding: quoted-printable

        QUJD
        """);
    byte[] message = qp.getBytes(StandardCharsets.US_ASCII);
    long offset = qp.indexOf("QUJD");

    ParsedMessage m = parse(message, known(message, new KnownBodies.Body(offset, 6, 7, FAKE_SHA)));

    assertThat(m).isEqualTo(Mail.parse(message));
  }
}
