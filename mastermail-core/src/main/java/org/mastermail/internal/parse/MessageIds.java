package org.mastermail.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads msg-ids out of Message-ID, In-Reply-To and References, ignoring whatever sits between them. */
final class MessageIds {
  static final int MAX_REFERENCES = 100;

  private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private MessageIds() {}

  /**
   * Every msg-id in the value, in order, without angle brackets. Without any bracketed id, whitespace-separated
   * tokens holding an {@code @} are taken instead, as some mailers write them bare.
   */
  static List<String> all(String value) {
    List<String> ids = new ArrayList<>();
    Matcher m = BRACKETED.matcher(value);
    while (m.find()) {
      // folding inside an id leaves whitespace that was never part of it
      String id = WHITESPACE.matcher(m.group(1)).replaceAll("");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      for (String token : WHITESPACE.split(value.strip())) {
        String id = token.replaceAll("^[<(\"',;]+|[>)\"',;]+$", "");
        if (id.indexOf('@') > 0) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** The first msg-id, or for a Message-ID with none, the first bare token; null when the value is blank. */
  static @Nullable String first(String value) {
    List<String> ids = all(value);
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    return WHITESPACE.split(stripped)[0].replaceAll("^<|>$", "");
  }

  /** Drops repeated ids, keeping first occurrences, then keeps the last {@link #MAX_REFERENCES}. */
  static List<String> references(List<String> ids) {
    Set<String> unique = new LinkedHashSet<>(ids);
    List<String> list = new ArrayList<>(unique);
    return list.size() <= MAX_REFERENCES ? list : list.subList(list.size() - MAX_REFERENCES, list.size());
  }
}
