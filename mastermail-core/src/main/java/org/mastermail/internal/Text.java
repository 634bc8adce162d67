package org.mastermail.internal;

import org.jspecify.annotations.Nullable;

/** Text as every storage can keep it: PostgreSQL refuses the NUL character in text, and hostile mail carries it. */
final class Text {
  private Text() {}

  static String storable(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\uFFFD");
  }

  static @Nullable String storableOrNull(@Nullable String text) {
    return text == null ? null : storable(text);
  }
}
