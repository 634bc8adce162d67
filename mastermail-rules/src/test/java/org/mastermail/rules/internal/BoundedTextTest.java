package org.mastermail.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedTextTest {
  @Test
  void aNormalPatternShouldBeFound() {
    assertThat(BoundedText.find(Pattern.compile("Case #(\\d+)"), "Re: Case #4711")).isTrue();
    assertThat(BoundedText.find(Pattern.compile("Case #(\\d+)"), "Re: keys")).isFalse();
  }

  @Test
  void aCatastrophicPatternShouldGiveUpAsNoMatchInsteadOfHanging() {
    assertThat(BoundedText.find(Pattern.compile("(a+)+$"), "a".repeat(40) + "!")).isFalse();
  }
}
