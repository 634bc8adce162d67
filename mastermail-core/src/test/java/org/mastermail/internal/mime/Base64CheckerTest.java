package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.internal.mime.Mails.bytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mastermail.internal.mime.Base64Checker.Canonical;

class Base64CheckerTest {
  private static Canonical check(String body) {
    return check(bytes(body), 8);
  }

  private static Canonical check(byte[] body, int capacity) {
    Base64Checker checker = new Base64Checker();
    try {
      LineReader lines = new LineReader(new ByteArrayInputStream(body), capacity);
      while (lines.next()) {
        checker.accept(lines.buffer(), lines.start(), lines.contentEnd(), lines.end(), lines.lineEnd());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return checker.finish();
  }

  @Test
  void equalLinesWithAShorterLastLineShouldBeCanonical() {
    assertThat(check("QUJDREVG\r\nR0hJSktM\r\nTU4=\r\n")).isEqualTo(new Canonical(14, 8, true, true, 26));
  }

  @Test
  void lastLineWithoutLineEndingShouldBeCanonicalWithoutFinalLineEnding() {
    assertThat(check("QUJDREVG\nR0hJSktM\nTU4=")).isEqualTo(new Canonical(14, 8, false, false, 22));
  }

  @Test
  void blankLinesAfterTheDataShouldBeLeftOutOfTheExtractedLength() {
    assertThat(check("QUJDREVG\r\nTU4=\r\n\r\n\n")).isEqualTo(new Canonical(8, 8, true, true, 16));
  }

  @Test
  void lastLineEndingDifferentFromTheOthersShouldBeLeftOut() {
    assertThat(check("QUJDREVG\r\nTU4=\n")).isEqualTo(new Canonical(8, 8, true, false, 14));
  }

  @Test
  void nonCanonicalBodiesShouldBeRejected() {
    assertThat(check("")).as("empty").isNull();
    assertThat(check("\r\nQUJD\r\n")).as("leading blank line").isNull();
    assertThat(check("QUJD\r\nQUJDREVG\r\n")).as("first line shorter").isNull();
    assertThat(check("QUJDREVG\r\nTU4=\r\nQUJD\r\n")).as("data after a short line").isNull();
    assertThat(check("QUJDREVG\r\n\r\nQUJD\r\n")).as("data after a blank line").isNull();
    assertThat(check("QUJDREVG\nQUJDREVG\r\nQUJD\r\n")).as("mixed line endings").isNull();
    assertThat(check("QUJDRE\r\n")).as("unpadded").isNull();
    assertThat(check("QR==\r\n")).as("non-zero padding bits").isNull();
    assertThat(check("QUI=\r\n")).as("canonical one-pad control").isNotNull();
    assertThat(check("QUJ=\r\n")).as("non-zero bits before one pad").isNull();
    assertThat(check("QQ==QUJD\r\n")).as("padding in the middle").isNull();
    assertThat(check("QUJD-_==\r\n")).as("URL-safe alphabet").isNull();
    assertThat(check("QUJD \r\n")).as("trailing space").isNull();
    assertThat(check("QUJD\r\r\n")).as("bare CR").isNull();
  }

  @Test
  void whateverTheCheckerAcceptsShouldDecodeAndEncodeAgainToTheSameBytes() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n -";
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] data = new byte[random.nextInt(1, 600)];
      random.nextBytes(data);
      int lineLength = 4 * random.nextInt(1, 20) - (round % 3 == 0 ? random.nextInt(0, 3) : 0);
      String ending = random.nextBoolean() ? "\r\n" : "\n";
      byte[] body = wrapped(Base64.getEncoder().encodeToString(data), lineLength, ending, random.nextBoolean());
      boolean mutated = round % 2 == 1;
      if (mutated) {
        body[random.nextInt(body.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      Canonical canonical = check(body, random.nextInt(128, 512));
      if (!mutated) {
        assertThat(canonical).as("round %d", round).isNotNull();
        assertThat(canonical.decodedSize()).isEqualTo(data.length);
      }
      if (canonical == null) {
        continue;
      }
      accepted++;
      byte[] decoded;
      try (InputStream in = new Base64DecodingInputStream(new ByteArrayInputStream(body),
          canonical.extractedLength())) {
        decoded = in.readAllBytes();
      }
      assertThat((long) decoded.length).as("round %d", round).isEqualTo(canonical.decodedSize());
      byte[] again;
      try (InputStream in = new Base64Reencoder(new ByteArrayInputStream(decoded), decoded.length,
          canonical.lineLength(), canonical.crlf(), canonical.finalLineEnding())) {
        again = in.readAllBytes();
      }
      assertThat(again).as("round %d", round)
          .isEqualTo(Arrays.copyOf(body, (int) canonical.extractedLength()));
    }
    assertThat(accepted).isGreaterThan(1500);
  }

  private static byte[] wrapped(String chars, int lineLength, String ending, boolean finalEnding) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < chars.length(); i += lineLength) {
      if (i > 0) {
        s.append(ending);
      }
      s.append(chars, i, Math.min(chars.length(), i + lineLength));
    }
    if (finalEnding) {
      s.append(ending);
    }
    return bytes(s.toString());
  }
}
