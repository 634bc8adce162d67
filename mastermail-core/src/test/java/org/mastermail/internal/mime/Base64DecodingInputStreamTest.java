package org.mastermail.internal.mime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base64DecodingInputStreamTest {
  private static byte[] decode(String encoded) throws IOException {
    return decode(encoded.getBytes(US_ASCII), encoded.length(), Integer.MAX_VALUE, false);
  }

  /** Decodes the first {@code length} bytes, the source giving at most {@code chunk} bytes a read. */
  private static byte[] decode(byte[] encoded, long length, int chunk, boolean byteByByte) throws IOException {
    try (InputStream in = new Base64DecodingInputStream(new Trickle(encoded, chunk), length)) {
      if (!byteByByte) {
        return in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int b; (b = in.read()) >= 0; ) {
        out.write(b);
      }
      return out.toByteArray();
    }
  }

  private static String wrapped(byte[] data, int lineLength, String ending, boolean finalEnding) {
    String chars = Base64.getEncoder().encodeToString(data);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < chars.length(); i += lineLength) {
      if (i > 0) {
        s.append(ending);
      }
      s.append(chars, i, Math.min(chars.length(), i + lineLength));
    }
    if (finalEnding && !chars.isEmpty()) {
      s.append(ending);
    }
    return s.toString();
  }

  @Test
  void wrappedBodiesShouldDecodeToTheirDataWhateverTheLineLengthAndHowTheReadsFall() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 400; round++) {
      byte[] data = new byte[random.nextInt(round < 200 ? 200 : 30_000)];
      random.nextBytes(data);
      int lineLength = random.nextInt(1, 120);
      String ending = random.nextBoolean() ? "\r\n" : "\n";
      byte[] encoded = wrapped(data, lineLength, ending, random.nextBoolean()).getBytes(US_ASCII);
      int chunk = random.nextInt(1, 10_000);
      assertThat(decode(encoded, encoded.length, chunk, round % 10 == 0))
          .as("round %d, line length %d, reads of %d", round, lineLength, chunk).isEqualTo(data);
    }
  }

  @Test
  void paddingShouldEndTheData() throws IOException {
    assertThat(decode("QQ==")).isEqualTo(new byte[] {'A'});
    assertThat(decode("QUI=")).isEqualTo(new byte[] {'A', 'B'});
    assertThat(decode("QUJD")).isEqualTo(new byte[] {'A', 'B', 'C'});
  }

  @Test
  void lineBreaksShouldBeSkippedAnywhereEvenInsideAQuantumOrThePadding() throws IOException {
    assertThat(decode("Q\r\nU\nJ\r\nDRA\n=\r\n=\r\n")).isEqualTo(new byte[] {'A', 'B', 'C', 'D'});
    assertThat(decode("\r\n\r\nQUJD\n\n")).isEqualTo(new byte[] {'A', 'B', 'C'});
  }

  @Test
  void charactersOfAnUnfinishedQuantumShouldGiveTheBytesTheirBitsFill() throws IOException {
    assertThat(decode("QUJDRA")).isEqualTo(new byte[] {'A', 'B', 'C', 'D'});
    assertThat(decode("QUJDREU")).isEqualTo(new byte[] {'A', 'B', 'C', 'D', 'E'});
    assertThat(decode("QUJDR")).isEqualTo(new byte[] {'A', 'B', 'C'});
  }

  @Test
  void onlyTheGivenLengthShouldBeRead() throws IOException {
    byte[] encoded = "QUJD\r\nREVG\r\n--boundary--\r\n".getBytes(US_ASCII);
    assertThat(decode(encoded, 12, 3, false)).isEqualTo("ABCDEF".getBytes(US_ASCII));
  }

  @Test
  void anEmptyBodyShouldDecodeToNothing() throws IOException {
    assertThat(decode("")).isEmpty();
    assertThat(decode("\r\n")).isEmpty();
  }

  @Test
  void aCharacterOutsideTheAlphabetShouldFail() {
    for (String body : new String[] {"QU JD", "QUJD\tREVG", "QUJD-REVG", "QUJ\u00e9", "QUJD.", "QUJD\r\n REVG"}) {
      assertThatThrownBy(() -> decode(body)).as(body).isInstanceOf(IOException.class)
          .hasMessageContaining("unexpected character");
    }
  }

  @Test
  void dataAfterPaddingShouldFail() {
    assertThatThrownBy(() -> decode("QQ==QUJD")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decode("QUI=\r\nQ")).isInstanceOf(IOException.class);
  }

  @Test
  void inputEndingBeforeTheGivenLengthShouldFail() {
    byte[] encoded = "QUJDREVG".getBytes(US_ASCII);
    assertThatThrownBy(() -> decode(encoded, 12, 5, false)).isInstanceOf(IOException.class)
        .hasMessageContaining("ended 4 bytes early");
  }

  /** Gives at most {@code chunk} bytes per read, so that quanta and line endings fall across reads. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
