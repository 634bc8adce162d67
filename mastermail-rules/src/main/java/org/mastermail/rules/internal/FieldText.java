package org.mastermail.rules.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A text of the message that conditions compare (subject, body, a header value), with the forms they need worked out
 * once per message and only when first asked for: dozens of rules may test the same subject.
 */
final class FieldText {
  private final String value;
  private @Nullable String lower;
  private @Nullable String shown;

  FieldText(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  /** {@code value().toLowerCase(Locale.ROOT)}. */
  String lower() {
    String l = lower;
    if (l == null) {
      l = value.toLowerCase(Locale.ROOT);
      lower = l;
    }
    return l;
  }

  /** The text as the trace shows it: {@link Preds#shorten}. */
  String shown() {
    String s = shown;
    if (s == null) {
      s = Preds.shorten(value);
      shown = s;
    }
    return s;
  }
}
