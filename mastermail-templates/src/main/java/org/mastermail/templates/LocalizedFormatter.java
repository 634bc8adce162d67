package org.mastermail.templates;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Function;

/** Values as a reader in {@code locale} writes them: see {@link MustacheRenderer.Builder#locale}. */
final class LocalizedFormatter implements Function<Object, String> {
  private static final int DECIMALS = 3;

  private final Locale locale;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter time;

  LocalizedFormatter(Locale locale) {
    this.locale = locale;
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    // MEDIUM: the longer styles need a zone, which a LocalDateTime lacks
    this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
    this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
  }

  @Override
  public String apply(Object value) {
    if (value instanceof LocalDate d) {
      return date.format(d);
    }
    if (value instanceof LocalDateTime || value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
      return dateTime.format((TemporalAccessor) value);
    }
    if (value instanceof LocalTime t) {
      return time.format(t);
    }
    if (value instanceof BigDecimal d) {
      // NumberFormat is not thread-safe: one per value
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      int scale = Math.max(d.scale(), 0);
      format.setMinimumFractionDigits(scale);
      format.setMaximumFractionDigits(scale);
      return format.format(d);
    }
    if (value instanceof Double || value instanceof Float) {
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMaximumFractionDigits(DECIMALS);
      return format.format(value);
    }
    return String.valueOf(value);
  }
}
