package org.mastermail.jdbc.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Short lists of strings without line breaks (addresses, message ids, problems) kept in one text column. */
final class Lines {
  private Lines() {}

  static String join(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(v.replace('\r', ' ').replace('\n', ' '));
    }
    return out.toString();
  }

  static List<String> split(@Nullable String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n", -1));
  }
}
