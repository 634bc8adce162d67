package org.mastermail.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes bytes to text without ever failing. With a declared charset, malformed input becomes U+FFFD. Without one
 * (null), bytes are read as UTF-8 and every byte that is not valid UTF-8 is read as windows-1252, so undeclared
 * UTF-8 and undeclared Western-European text both come out right.
 */
final class TextDecoder {
  private static final int BUFFER = 8192;
  private static final char[] WINDOWS_1252 = windows1252Table();

  /**
   * @param text the decoded text, at most the requested number of characters
   * @param truncated whether characters were left unread after the cap
   * @param badInput how many malformed sequences were replaced or re-read as windows-1252
   */
  record Result(String text, boolean truncated, int badInput) {}

  private TextDecoder() {}

  /**
   * Reads {@code in} until its end or until more than {@code maxChars} characters have been decoded; in the second
   * case the stream is left part-read and the result is flagged truncated.
   */
  static Result decode(InputStream in, @Nullable Charset charset, int maxChars, boolean normaliseLineEnds)
      throws IOException {
    Sink sink = new Sink(maxChars, normaliseLineEnds);
    CharsetDecoder decoder = decoderFor(charset);
    byte[] chunk = new byte[BUFFER];
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER * 2);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    boolean eof = false;
    while (!eof && !sink.full()) {
      int n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
      if (n < 0) {
        eof = true;
      } else {
        bytes.put(chunk, 0, n);
      }
      bytes.flip();
      run(decoder, bytes, chars, eof, charset == null, sink);
      bytes.compact();
    }
    if (eof && !sink.full()) {
      chars.clear();
      decoder.flush(chars);
      chars.flip();
      sink.append(chars);
    }
    return sink.result();
  }

  /** Decodes a whole byte range, as {@link #decode(InputStream, Charset, int, boolean)} would. */
  static String decode(byte[] data, int offset, int length, @Nullable Charset charset) {
    Sink sink = new Sink(Integer.MAX_VALUE - 1, false);
    CharsetDecoder decoder = decoderFor(charset);
    ByteBuffer bytes = ByteBuffer.wrap(data, offset, length);
    CharBuffer chars = CharBuffer.allocate(Math.min(BUFFER, length + 16));
    run(decoder, bytes, chars, true, charset == null, sink);
    chars.clear();
    decoder.flush(chars);
    chars.flip();
    sink.append(chars);
    return sink.result().text();
  }

  private static CharsetDecoder decoderFor(@Nullable Charset charset) {
    Charset actual = charset == null ? StandardCharsets.UTF_8 : charset;
    return actual.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static void run(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean eof,
      boolean fallbackTo1252, Sink sink) {
    while (!sink.full()) {
      chars.clear();
      CoderResult result = decoder.decode(bytes, chars, eof);
      chars.flip();
      sink.append(chars);
      if (result.isError()) {
        sink.badInput++;
        for (int i = 0; i < result.length(); i++) {
          byte b = bytes.get();
          if (fallbackTo1252) {
            sink.append(WINDOWS_1252[b & 0xff]);
          } else if (i == 0) {
            sink.append('\uFFFD');
          }
        }
      } else if (result.isUnderflow()) {
        return;
      }
    }
  }

  private static char[] windows1252Table() {
    char[] table = new char[256];
    CharsetDecoder decoder = CharsetResolver.WINDOWS_1252.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int b = 0; b < 256; b++) {
      try {
        table[b] = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
      } catch (java.nio.charset.CharacterCodingException e) {
        // the five bytes windows-1252 leaves undefined read as their ISO-8859-1 control characters
        table[b] = (char) b;
      }
    }
    return table;
  }

  private static final class Sink {
    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final boolean normaliseLineEnds;
    private boolean afterCr;
    int badInput;

    Sink(int maxChars, boolean normaliseLineEnds) {
      this.maxChars = maxChars;
      this.normaliseLineEnds = normaliseLineEnds;
    }

    boolean full() {
      return text.length() > maxChars;
    }

    void append(CharBuffer chars) {
      while (chars.hasRemaining() && !full()) {
        append(chars.get());
      }
    }

    void append(char c) {
      if (!normaliseLineEnds) {
        text.append(c);
      } else if (c == '\r') {
        text.append('\n');
        afterCr = true;
      } else {
        if (c != '\n' || !afterCr) {
          text.append(c);
        }
        afterCr = false;
      }
    }

    Result result() {
      if (!full()) {
        return new Result(text.toString(), false, badInput);
      }
      int end = maxChars;
      if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      return new Result(text.substring(0, end), true, badInput);
    }
  }
}
