package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.internal.mime.Mails.bytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mastermail.internal.mime.Base64Checker.Canonical;

class Base64CheckerTest {
  private static Canonical check(String body) {
    Base64Checker checker = new Base64Checker();
    try {
      LineReader lines = new LineReader(new ByteArrayInputStream(bytes(body)), 8);
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
}
