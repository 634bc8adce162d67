package org.mastermail.internal.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Turns header fields into display text: raw bytes as UTF-8 (windows-1252 where they are not UTF-8), unfolded,
 * RFC 2047 encoded words decoded, control characters removed, capped.
 */
final class HeaderDecoder {
  private static final Pattern ENCODED_WORD_START = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?");
  private static final Map<Charset, Charset> OVERRIDES = Map.of(StandardCharsets.ISO_8859_1,
      CharsetResolver.WINDOWS_1252);

  private final Problems problems;
  private final int maxChars;

  HeaderDecoder(Problems problems, int maxChars) {
    this.problems = problems;
    this.maxChars = maxChars;
  }

  /** The field's value, charset-decoded and unfolded but with encoded words left as they are. */
  static String rawValue(Field field) {
    ByteSequence raw = field.getRaw();
    if (raw == null) {
      return unfold(field.getBody() == null ? "" : field.getBody());
    }
    byte[] bytes = raw.toByteArray();
    int start = field instanceof RawField rawField ? rawField.getDelimiterIdx() + 1 : indexOfColon(bytes) + 1;
    if (start <= 0 || start > bytes.length) {
      return "";
    }
    return unfold(TextDecoder.decode(bytes, start, bytes.length - start, null)).strip();
  }

  /** The field's value for display. */
  String value(Field field) {
    return decode(rawValue(field), field.getName());
  }

  /** Decodes encoded words in a raw value of the named header, cleans and caps it. */
  String decode(String rawValue, String headerName) {
    String decoded = rawValue;
    if (rawValue.contains("=?")) {
      problems.at("header " + headerName);
      try {
        decoded = DecoderUtil.decodeEncodedWords(normaliseCharsets(rawValue, headerName), problems,
            CharsetResolver.WINDOWS_1252, OVERRIDES);
      } catch (RuntimeException e) {
        problems.add("undecodable encoded words in header " + headerName + " left as they are");
      }
    }
    return cap(clean(decoded));
  }

  String cap(String value) {
    if (value.length() <= maxChars) {
      return value;
    }
    int end = maxChars;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  /** Removes control characters, tabs become spaces, and trims. */
  static String clean(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control && out == null) {
        out = new StringBuilder(value.length());
        out.append(value, 0, i);
      }
      if (out != null) {
        if (c == '\t') {
          out.append(' ');
        } else if (!control) {
          out.append(c);
        }
      }
    }
    return (out == null ? value : out.toString()).strip();
  }

  static String unfold(String value) {
    if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return value.replace("\r", "").replace("\n", "");
  }

  // mime4j knows fewer charset labels than CharsetResolver; rewriting the labels lets it decode the words right.
  private String normaliseCharsets(String value, String headerName) {
    Matcher m = ENCODED_WORD_START.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (m.find()) {
      String label = m.group(1);
      int star = label.indexOf('*');
      String charsetLabel = star >= 0 ? label.substring(0, star) : label;
      Charset charset = CharsetResolver.resolve(charsetLabel);
      String name;
      if (charset != null) {
        name = charset.name();
      } else if (CharsetResolver.isUndeclared(charsetLabel)) {
        name = "UTF-8";
      } else {
        problems.add("unknown charset " + charsetLabel + " in header " + headerName + ", decoded as windows-1252");
        name = CharsetResolver.WINDOWS_1252.name();
      }
      m.appendReplacement(out, Matcher.quoteReplacement("=?" + name + "?" + m.group(2) + "?"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int indexOfColon(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == ':') {
        return i;
      }
    }
    return -1;
  }
}
