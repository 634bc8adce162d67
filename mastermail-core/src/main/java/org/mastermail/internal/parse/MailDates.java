package org.mastermail.internal.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lenient RFC 5322 date parsing: optional day name, one- or two-digit days, two- or four-digit years, optional
 * seconds, numeric or named zones, comments such as {@code (CET)}, asctime and ISO 8601 forms. mime4j's lenient
 * date field was not used: it gives up on a trailing comment and reads zone names it does not know as UTC.
 */
final class MailDates {
  private static final Pattern RFC_5322 = Pattern.compile(
      "(?:[a-z]+\\.?,?\\s*)?(\\d{1,2})[\\s-]*([a-z]{3})[a-z]*\\.?[\\s-]*(\\d{2,4}),?\\s+"
          + "(\\d{1,2})[:.](\\d{1,2})(?:[:.](\\d{1,2}))?(?:\\.\\d+)?\\s*(.*)");
  private static final Pattern ASCTIME = Pattern.compile(
      "(?:[a-z]+,?\\s+)?([a-z]{3})[a-z]*\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s+"
          + "(?:([a-z]{1,5}|[+-]\\d{4})\\s+)?(\\d{4})");
  private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?.*");
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
  private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(Map.entry("ut", 0), Map.entry("utc", 0),
      Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("wet", 0), Map.entry("west", 1), Map.entry("bst", 1),
      Map.entry("cet", 1), Map.entry("met", 1), Map.entry("cest", 2), Map.entry("mest", 2), Map.entry("eet", 2),
      Map.entry("eest", 3), Map.entry("msk", 3), Map.entry("jst", 9), Map.entry("est", -5), Map.entry("edt", -4),
      Map.entry("cst", -6), Map.entry("cdt", -5), Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8),
      Map.entry("pdt", -7));

  private MailDates() {}

  /** The instant the value names, or null when it names none. */
  static @Nullable Instant parse(String value) {
    String text = stripComments(value).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return null;
    }
    try {
      Matcher m = RFC_5322.matcher(text);
      if (m.matches()) {
        return at(m.group(3), month(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6), m.group(7));
      }
      m = ASCTIME.matcher(text);
      if (m.matches()) {
        return at(m.group(7), month(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
      }
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Instant at(String yearText, int month, String day, String hour, String minute,
      @Nullable String second, @Nullable String zone) {
    int year = Integer.parseInt(yearText);
    if (yearText.length() == 2) {
      year += year < 50 ? 2000 : 1900;
    } else if (yearText.length() == 3) {
      year += 1900;
    }
    int seconds = second == null ? 0 : Math.min(Integer.parseInt(second), 59);
    LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(day), Integer.parseInt(hour),
        Integer.parseInt(minute), seconds);
    return local.toInstant(offset(zone == null ? "" : zone.strip()));
  }

  private static int month(String name) {
    int index = MONTHS.indexOf(name);
    if (index < 0 || index % 3 != 0) {
      throw new DateTimeParseException("unknown month", name, 0);
    }
    return index / 3 + 1;
  }

  // RFC 5322 4.3: an unknown zone is to be read as UTC (-0000)
  private static ZoneOffset offset(String zone) {
    Matcher m = NUMERIC_ZONE.matcher(zone);
    if (m.matches()) {
      int hours = Integer.parseInt(m.group(2));
      int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      int sign = m.group(1).equals("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    String name = zone.split("[\\s(]", 2)[0];
    return ZoneOffset.ofHours(ZONE_HOURS.getOrDefault(name, 0));
  }

  private static String stripComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
