package org.mastermail.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subject keys for threading: the subject without reply and forward prefixes, in any of the office languages. */
final class Subjects {
  private static final int MAX_KEY = 200;
  // Re, Fw, Fwd (English), AW, WG (German), Odp, PD (Polish), Re, Fw (Czech: "Odp:" and "Fwd:" too), SV, VS
  // (Nordic), Antw, Doorst (Dutch), Tr, RE[2] and RE(2) counters, and list tags such as "[info]" in front of them
  private static final Pattern PREFIX = Pattern.compile(
      "^\\s*(?:\\[[^\\]]{0,40}]\\s*)?(re|fwd?|aw|wg|odp|pd|sv|vs|antw|doorst|tr|rif|enc|res|ynt|vá|fs)"
          + "\\s*(?:\\[\\d{1,3}]|\\(\\d{1,3}\\))?\\s*:\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Subjects() {}

  /** The threading key of {@code subject}: prefixes stripped, whitespace collapsed, lower-case, at most 200 chars. */
  static String key(String subject) {
    String rest = subject;
    Matcher m = PREFIX.matcher(rest);
    while (m.find()) {
      rest = rest.substring(m.end());
      m = PREFIX.matcher(rest);
    }
    String key = SPACES.matcher(rest.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
  }

  /** Whether {@code subject} starts with a reply or forward prefix. */
  static boolean isReply(String subject) {
    return PREFIX.matcher(subject).find();
  }
}
