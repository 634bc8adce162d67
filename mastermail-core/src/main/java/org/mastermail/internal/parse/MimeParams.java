package org.mastermail.internal.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A Content-Type or Content-Disposition value and its parameters, with RFC 2231 extended values ({@code
 * filename*=utf-8''...}) and continuations ({@code name*0*=...; name*1=...}) joined and decoded.
 *
 * <p>mime4j's own {@code MimeParameterMapping} is not used: it joins continuations in arrival order rather than by
 * index, URL-decodes ({@code +} becomes a space) and percent-decodes segments that were not marked encoded.
 */
final class MimeParams {
  private final String value;
  private final Map<String, String> params;

  private MimeParams(String value, Map<String, String> params) {
    this.value = value;
    this.params = params;
  }

  /** Parses an unfolded, charset-decoded header value such as {@code attachment; filename="a.pdf"}. */
  static MimeParams parse(String headerValue) {
    byte[] bytes = headerValue.getBytes(StandardCharsets.UTF_8);
    ByteArrayBuffer buffer = new ByteArrayBuffer(bytes, bytes.length, true);
    RawBody body = RawFieldParser.DEFAULT.parseRawBody(buffer, new ParserCursor(0, bytes.length));
    String value = body.getValue() == null ? "" : body.getValue().trim().toLowerCase(Locale.ROOT);
    return new MimeParams(value, join(body.getParams()));
  }

  /** The main value, lower case ("text/plain", "attachment"), "" when there is none. */
  String value() {
    return value;
  }

  /** The decoded parameter, by lower-case name. */
  @Nullable String get(String name) {
    return params.get(name);
  }

  private static Map<String, String> join(List<NameValuePair> pairs) {
    Map<String, String> plain = new HashMap<>();
    Map<String, String> extended = new HashMap<>();
    Map<String, TreeMap<Integer, Segment>> continued = new HashMap<>();
    for (NameValuePair pair : pairs) {
      String name = pair.getName().trim().toLowerCase(Locale.ROOT);
      String value = pair.getValue() == null ? "" : pair.getValue();
      int star = name.indexOf('*');
      if (star < 0) {
        plain.putIfAbsent(name, value);
        continue;
      }
      String base = name.substring(0, star);
      String rest = name.substring(star + 1);
      if (rest.isEmpty()) {
        extended.putIfAbsent(base, value);
        continue;
      }
      boolean encoded = rest.endsWith("*");
      String digits = encoded ? rest.substring(0, rest.length() - 1) : rest;
      try {
        int index = Integer.parseInt(digits);
        continued.computeIfAbsent(base, k -> new TreeMap<>()).putIfAbsent(index, new Segment(value, encoded));
      } catch (NumberFormatException e) {
        extended.putIfAbsent(base, value);
      }
    }
    Map<String, String> joined = new HashMap<>(plain);
    continued.forEach((name, segments) -> joined.put(name, decodeContinued(new ArrayList<>(segments.values()))));
    extended.forEach((name, value) -> joined.put(name, decodeExtended(value)));
    return joined;
  }

  private record Segment(String text, boolean encoded) {}

  private static String decodeExtended(String value) {
    return decodeContinued(List.of(new Segment(value, true)));
  }

  // RFC 2231 section 4.1: only the first segment carries charset'language', only segments marked * are encoded
  private static String decodeContinued(List<Segment> segments) {
    if (segments.stream().noneMatch(Segment::encoded)) {
      StringBuilder text = new StringBuilder();
      segments.forEach(s -> text.append(s.text()));
      return text.toString();
    }
    Charset charset = null;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      String text = segment.text();
      if (i == 0 && segment.encoded()) {
        int first = text.indexOf('\'');
        int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
        if (second > 0) {
          charset = CharsetResolver.resolve(text.substring(0, first));
          text = text.substring(second + 1);
        }
      }
      if (segment.encoded()) {
        percentDecode(text, bytes);
      } else {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    byte[] all = bytes.toByteArray();
    return TextDecoder.decode(all, 0, all.length, charset);
  }

  private static void percentDecode(String text, ByteArrayOutputStream out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
        i += 2;
      } else {
        // a stray % or a raw non-ASCII character is kept as it was written
        int codePoint = text.codePointAt(i);
        byte[] raw = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        out.write(raw, 0, raw.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
