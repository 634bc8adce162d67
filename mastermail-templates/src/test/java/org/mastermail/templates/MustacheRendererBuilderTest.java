package org.mastermail.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options: value formatting and cache size. */
class MustacheRendererBuilderTest {
  private static final Locale POLISH = Locale.forLanguageTag("pl-PL");

  @Test
  void withoutOptionsValuesShouldBeWrittenAsStringValueOf() {
    Map<String, Object> data = Map.of("d", LocalDate.of(2026, 3, 1), "x", new BigDecimal("1234.50"));
    assertThat(new MustacheRenderer().render("{{d}} {{x}}", data, false)).isEqualTo("2026-03-01 1234.50");
  }

  @Test
  void germanLocaleShouldFormatDatesAndDecimalsTheGermanWay() {
    MustacheRenderer renderer = MustacheRenderer.builder().locale(Locale.GERMANY).build();
    Map<String, Object> data = Map.of("d", LocalDate.of(2026, 3, 1), "x", new BigDecimal("1234.50"), "r", 0.25);
    assertThat(renderer.render("{{d}} · {{x}} € · {{r}}", data, false))
        .isEqualTo("01.03.2026 · 1.234,50 € · 0,25");
  }

  @Test
  void localeShouldFormatDateTimesAndTimes() {
    MustacheRenderer renderer = MustacheRenderer.builder().locale(Locale.GERMANY).build();
    Map<String, Object> data = Map.of(
        "ldt", LocalDateTime.of(2026, 3, 1, 14, 5),
        "zdt", ZonedDateTime.of(2026, 3, 1, 14, 5, 0, 0, ZoneId.of("Europe/Berlin")),
        "t", LocalTime.of(9, 30));
    assertThat(renderer.render("{{ldt}} | {{zdt}} | {{t}}", data, false))
        .isEqualTo("01.03.2026, 14:05:00 | 01.03.2026, 14:05:00 | 09:30");
  }

  @Test
  void localeShouldLeaveWholeNumbersAndInstantsAsTheyAre() {
    MustacheRenderer renderer = MustacheRenderer.builder().locale(POLISH).build();
    Map<String, Object> data = Map.of("id", 1234567L, "year", 2026, "at", Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(renderer.render("{{id}} {{year}} {{at}}", data, false)).isEqualTo("1234567 2026 2026-03-01T10:00:00Z");
  }

  @Test
  void formattedValuesShouldStillBeEscapedInHtml() {
    MustacheRenderer renderer = MustacheRenderer.builder().formatter(v -> "<" + v + ">").build();
    assertThat(renderer.render("{{v}}", Map.of("v", 1), true)).isEqualTo("&lt;1&gt;");
  }

  @Test
  void customFormatterShouldSeeEveryValue() {
    MustacheRenderer renderer = MustacheRenderer.builder()
        .formatter(v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : "#" + v)
        .build();
    assertThat(renderer.render("{{s}} {{n}}", Map.of("s", "ok", "n", 7), false)).isEqualTo("OK #7");
  }

  @Test
  void localeAndFormatterTogetherShouldBeRefused() {
    MustacheRenderer.Builder builder = MustacheRenderer.builder().locale(Locale.GERMANY).formatter(String::valueOf);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void negativeCacheSizeShouldBeRefused() {
    assertThatThrownBy(() -> MustacheRenderer.builder().cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
