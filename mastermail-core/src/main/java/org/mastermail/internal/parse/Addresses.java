package org.mastermail.internal.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.jspecify.annotations.Nullable;

/**
 * Reads address lists with mime4j's lenient parser, checks what it returns against the header text (it can
 * mis-split non-ASCII domains or glue neighbours together), and falls back to picking {@code local@domain} tokens
 * out of the text when its answer does not hold.
 */
final class Addresses {
  private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~\\-]";
  private static final Pattern ADDR_SPEC = Pattern.compile(
      ATOM + "+(?:\\." + ATOM + "+)*@(?:[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*|\\[[^\\]\\s]*\\])");
  // a run of words holding non-ASCII characters, up to the next special: a display name or part of one
  private static final Pattern NON_ASCII_PHRASE = Pattern.compile(
      "[^\\s<>()\",;:@\\[\\]\\\\]*[^\\x00-\\x7F][^<>()\",;:@\\[\\]\\\\]*");
  private static final Pattern DOMAIN = Pattern.compile("[\\p{L}\\p{N}\\-.]+|\\[[^\\]\\s]*\\]");

  private final Problems problems;
  private final HeaderDecoder decoder;

  Addresses(Problems problems, HeaderDecoder decoder) {
    this.problems = problems;
    this.decoder = decoder;
  }

  /** The mailboxes of an unfolded, not yet RFC 2047 decoded header value; groups are flattened. */
  List<Address> parse(String rawValue, String headerName) {
    if (rawValue.isBlank()) {
      return List.of();
    }
    List<Mailbox> parsed;
    try {
      AddressList list = LenientAddressParser.DEFAULT.parseAddressList(asciiPhrases(rawValue));
      parsed = list.flatten();
    } catch (RuntimeException e) {
      parsed = List.of();
    }
    Map<String, Address> good = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (Mailbox mailbox : parsed) {
      Address address = accept(mailbox, rawValue, headerName);
      if (address != null) {
        good.putIfAbsent(address.address().toLowerCase(Locale.ROOT), address);
      } else {
        bad.add(describe(mailbox));
      }
    }
    if (bad.isEmpty() && !(good.isEmpty() && rawValue.indexOf('@') >= 0)) {
      return List.copyOf(good.values());
    }
    List<Address> salvaged = salvage(rawValue, good, headerName);
    for (String item : bad) {
      if (!item.isBlank() && item.indexOf('@') < 0) {
        problems.add("unparseable address \"" + Problems.excerpt(item) + "\" in " + headerName + " dropped");
      }
    }
    if (salvaged.size() > good.size()) {
      problems.add("address list in " + headerName + " read leniently");
    }
    return salvaged;
  }

  /**
   * mime4j 0.8.14 mixes up byte and character positions on raw non-ASCII text (the domain after "Wąsowski" loses a
   * character per extra UTF-8 byte), but decodes encoded words well, even in quoted strings: so non-ASCII phrases
   * are handed to it as encoded words. A non-ASCII address then fails the check against the text and is salvaged.
   */
  private static String asciiPhrases(String value) {
    Matcher m = NON_ASCII_PHRASE.matcher(value);
    if (!m.find()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() * 2);
    int last = 0;
    do {
      String phrase = m.group().stripTrailing();
      out.append(value, last, m.start()).append("=?UTF-8?B?")
          .append(Base64.getEncoder().encodeToString(phrase.getBytes(StandardCharsets.UTF_8))).append("?=");
      last = m.start() + phrase.length();
    } while (m.find());
    return out.append(value, last, value.length()).toString();
  }

  /** The first mailbox of the value, or null. */
  @Nullable Address parseFirst(String rawValue, String headerName) {
    List<Address> all = parse(rawValue, headerName);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Lower-cases the domain of {@code local@domain}; returns other text trimmed. */
  static String normalise(String address) {
    String a = address.strip();
    int at = a.lastIndexOf('@');
    return at < 0 ? a : a.substring(0, at + 1) + a.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  private @Nullable Address accept(Mailbox mailbox, String source, String headerName) {
    String local = mailbox.getLocalPart();
    String domain = mailbox.getDomain();
    if (local == null || local.isEmpty() || domain == null || domain.isEmpty()) {
      return null;
    }
    if (!DOMAIN.matcher(domain).matches() || local.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<'
        || c == '>')) {
      return null;
    }
    String address = local + "@" + domain;
    if (!appearsWhole(source, address)) {
      return null;
    }
    return new Address(normalise(address), name(mailbox.getName(), headerName));
  }

  private @Nullable String name(@Nullable String raw, String headerName) {
    if (raw == null) {
      return null;
    }
    String name = decoder.decode(raw, headerName);
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).strip();
    }
    return name.isEmpty() ? null : name;
  }

  // The parser's answer holds only if the address occurs in the text and does not run on into more domain.
  private static boolean appearsWhole(String source, String address) {
    String haystack = source.toLowerCase(Locale.ROOT);
    String needle = address.toLowerCase(Locale.ROOT);
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      if (!domainGoesOn(haystack, i + needle.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean domainGoesOn(String text, int at) {
    if (at >= text.length()) {
      return false;
    }
    char c = text.charAt(at);
    if (c == '.') {
      return at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at + 1));
    }
    return Character.isLetterOrDigit(c) || c == '-';
  }

  private List<Address> salvage(String source, Map<String, Address> good, String headerName) {
    Map<String, Address> found = new LinkedHashMap<>();
    Matcher m = ADDR_SPEC.matcher(source);
    int floor = 0;
    while (m.find()) {
      String address = normalise(stripTrailingDots(m.group()));
      String key = address.toLowerCase(Locale.ROOT);
      Address known = good.get(key);
      if (known == null) {
        boolean angled = m.start() > 0 && source.charAt(m.start() - 1) == '<';
        String name = angled ? name(displayNameBefore(source, floor, m.start() - 1), headerName) : null;
        known = new Address(address, name);
      }
      found.putIfAbsent(key, known);
      floor = m.end();
    }
    good.forEach(found::putIfAbsent);
    return List.copyOf(found.values());
  }

  // The phrase before "<addr>": back to the previous address, after the last comma outside quotes.
  private static String displayNameBefore(String source, int floor, int angle) {
    String before = source.substring(Math.min(floor, angle), angle);
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if ((c == ',' || c == ';' || c == '>') && !quoted) {
        start = i + 1;
      }
    }
    return before.substring(start).strip();
  }

  private static String stripTrailingDots(String address) {
    String a = address;
    while (a.endsWith(".")) {
      a = a.substring(0, a.length() - 1);
    }
    return a;
  }

  private static String describe(Mailbox mailbox) {
    String local = mailbox.getLocalPart() == null ? "" : mailbox.getLocalPart();
    String domain = mailbox.getDomain();
    return domain == null || domain.isEmpty() ? local : local + "@" + domain;
  }
}
