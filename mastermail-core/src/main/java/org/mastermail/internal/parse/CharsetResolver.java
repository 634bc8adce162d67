package org.mastermail.internal.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps the charset labels mail declares to Java charsets. A null answer means "no usable charset": callers then
 * decode as UTF-8 and fall back to windows-1252 byte by byte, which reads both undeclared UTF-8 and the
 * Western-European text old mailers send unlabelled.
 */
final class CharsetResolver {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  // Labels seen in real mail that Java does not know, or knows as something less useful.
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("utf8", "UTF-8"),
      Map.entry("unicode-1-1-utf-8", "UTF-8"),
      Map.entry("win-1250", "windows-1250"),
      Map.entry("win-1251", "windows-1251"),
      Map.entry("win-1252", "windows-1252"),
      Map.entry("iso-8859-8-i", "ISO-8859-8"),
      Map.entry("ks_c_5601-1987", "x-windows-949"),
      Map.entry("gb2312", "GBK"),
      Map.entry("x-gbk", "GBK"),
      Map.entry("tis-620", "x-windows-874"),
      Map.entry("x-mac-roman", "x-MacRoman"),
      Map.entry("macintosh", "x-MacRoman"),
      // ISO-8859-1 and ASCII labels routinely carry windows-1252 punctuation, as browsers assume
      Map.entry("iso-8859-1", "windows-1252"),
      Map.entry("latin1", "windows-1252"),
      Map.entry("iso_8859-1", "windows-1252"));

  private CharsetResolver() {}

  /** Whether the label is absent or names ASCII: the sender did not really say. */
  static boolean isUndeclared(@Nullable String label) {
    if (label == null) {
      return true;
    }
    String l = normalise(label);
    return l.isEmpty() || l.equals("us-ascii") || l.equals("ascii") || l.equals("us_ascii")
        || l.equals("ansi_x3.4-1968");
  }

  /** The charset for a label, or null when the label is undeclared, ASCII or unknown. */
  static @Nullable Charset resolve(@Nullable String label) {
    if (isUndeclared(label)) {
      return null;
    }
    String l = normalise(label);
    String name = ALIASES.getOrDefault(l, l);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** Whether the label is declared but names no charset we can decode. */
  static boolean isUnknown(@Nullable String label) {
    return !isUndeclared(label) && resolve(label) == null;
  }

  /** Whether this charset decodes UTF-8, where malformed input is replaced rather than re-read as windows-1252. */
  static boolean isUtf8(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8);
  }

  private static String normalise(String label) {
    String l = label.trim();
    if (l.length() >= 2 && l.startsWith("\"") && l.endsWith("\"")) {
      l = l.substring(1, l.length() - 1).trim();
    }
    return l.toLowerCase(Locale.ROOT);
  }
}
