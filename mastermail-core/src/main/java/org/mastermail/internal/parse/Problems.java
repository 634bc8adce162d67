package org.mastermail.internal.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.jspecify.annotations.Nullable;

/**
 * Collects what was wrong with a message, without repeats and up to a cap, since a mangled message could otherwise
 * report one problem per byte. It is also the mime4j {@link DecodeMonitor}: it listens, records, and always asks
 * mime4j to carry on.
 */
final class Problems extends DecodeMonitor {
  static final int MAX_PROBLEMS = 100;
  private static final int EXCERPT_CHARS = 100;

  private final Set<String> problems = new LinkedHashSet<>();
  private boolean overflowed;
  private String where = "the message";

  /** Names where the parser is, for the warnings mime4j raises without saying. */
  void at(String where) {
    this.where = where;
  }

  void add(String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    } else if (!problems.contains(problem)) {
      overflowed = true;
    }
  }

  @Override
  public boolean warn(String warning, String action) {
    String message = describe(warning);
    if (message != null) {
      add(message + " in " + where);
    }
    return false;
  }

  @Override
  public boolean isListening() {
    return true;
  }

  /** Header text quoted in a problem, shortened: problems are for reading, not for keeping the content. */
  static String excerpt(String text) {
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }

  List<String> toList() {
    List<String> list = new ArrayList<>(problems);
    if (overflowed) {
      list.add("more problems not listed");
    }
    return list;
  }

  // mime4j's warnings are terse; these say what they mean for a reader of the message.
  private static @Nullable String describe(String warning) {
    if (warning.startsWith("Unexpected end of headers")) {
      // a part that has headers and no body is legal; the cases that matter also raise "Invalid header"
      return null;
    }
    if (warning.startsWith("Found LF without CR") || warning.startsWith("Found CR without LF")
        || warning.startsWith("Found non-standard soft line break")) {
      // bare LF line ends are how mail is stored on Unix; quoted-printable still decodes fine
      return null;
    }
    if (warning.startsWith("Body part ended prematurely")) {
      return "missing closing boundary";
    }
    if (warning.startsWith("Invalid header")) {
      return "invalid header line (missing blank line after headers?), read as the start of the body";
    }
    if (warning.startsWith("Obsolete header")) {
      return "obsolete header syntax";
    }
    if (warning.startsWith("Unexpected base64 byte")) {
      return "invalid base64 characters skipped";
    }
    return excerpt(warning);
  }
}
