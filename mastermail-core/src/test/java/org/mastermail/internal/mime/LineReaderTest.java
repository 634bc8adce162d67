package org.mastermail.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastermail.internal.mime.Mails.bytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** Each piece as "content|ending|flags" with flags s (starts a line) and e (ends one). */
  private static List<String> pieces(String input, int capacity) throws IOException {
    LineReader lines = new LineReader(new ByteArrayInputStream(bytes(input)), capacity);
    List<String> pieces = new ArrayList<>();
    while (lines.next()) {
      byte[] b = lines.buffer();
      pieces.add(new String(b, lines.start(), lines.contentEnd() - lines.start(), StandardCharsets.ISO_8859_1)
          + "|" + new String(b, lines.contentEnd(), lines.end() - lines.contentEnd(), StandardCharsets.ISO_8859_1)
              .replace("\r", "CR").replace("\n", "LF")
          + "|" + (lines.lineStart() ? "s" : "") + (lines.lineEnd() ? "e" : ""));
    }
    return pieces;
  }

  @Test
  void linesShouldEndInCrlfOrLfAndTheLastMayHaveNoEnding() throws IOException {
    assertThat(pieces("a\r\nb\n\r\nc\rd", 64)).containsExactly("a|CRLF|se", "b|LF|se", "|CRLF|se", "c\rd||se");
  }

  @Test
  void longLinesShouldComeInPiecesOfAtMostTheCapacity() throws IOException {
    assertThat(pieces("abcdefghij\nk", 4)).containsExactly("abcd||s", "efgh||", "ij|LF|e", "k||se");
  }

  @Test
  void crlfShouldNeverBeSplitBetweenPieces() throws IOException {
    assertThat(pieces("ab\r\nd", 4)).containsExactly("ab|CRLF|se", "d||se");
    assertThat(pieces("abc\r\n", 4)).containsExactly("abc||s", "|CRLF|e");
    assertThat(pieces("abcd\r\n", 4)).containsExactly("abcd||s", "|CRLF|e");
    assertThat(pieces("abc\rd\r\n", 4)).containsExactly("abc||s", "\rd|CRLF|e");
  }

  @Test
  void emptyInputShouldHaveNoPieces() throws IOException {
    assertThat(pieces("", 4)).isEmpty();
  }
}
