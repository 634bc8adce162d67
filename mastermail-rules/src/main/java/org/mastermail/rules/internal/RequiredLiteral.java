package org.mastermail.rules.internal;

/**
 * Text that every match of a tenant's pattern contains, found by reading the pattern's opening run of literal
 * characters: a text without it cannot match, so the pattern need not be run. Most subject patterns are a word or
 * two with a few regex touches ({@code (?i)case #12\b}), and most messages lack the word.
 *
 * <p>Only patterns whose form makes this certain get a literal; every other pattern gets none and is always run.
 * The form: an optional leading {@code (?i)} (no other flags), any of the zero-width {@code ^} and {@code \b}, then
 * ASCII letters, digits, spaces, plain punctuation and escaped punctuation ({@code \.}); the run ends at the first
 * other character, and its last character is dropped when a quantifier follows. A pattern with a {@code |} anywhere
 * gets none, since an alternative at the top would not need the run. Case: under {@code (?i)} without {@code u},
 * {@code java.util.regex} folds ASCII letters only, so an ASCII run matches only ASCII text, whose
 * {@code toLowerCase(Locale.ROOT)} is the ASCII lower case: searching the lower-cased text for the lower-cased run
 * finds every text the pattern could match (and a few it cannot, which the pattern then rules out).
 */
final class RequiredLiteral {
  /** No literal known: the pattern is always run. */
  static final RequiredLiteral NONE = new RequiredLiteral("", false);

  /** Punctuation that stands for itself outside a character class, unescaped. */
  private static final String PLAIN = " !\"#%&',-/:;<=>@_`~";
  /** Punctuation that stands for itself after a backslash. */
  private static final String ESCAPED = PLAIN + ".$()*+?[]{}^\\";
  private static final String QUANTIFIERS = "?*+{";

  private final String literal;
  private final boolean ignoreCase;

  private RequiredLiteral(String literal, boolean ignoreCase) {
    this.literal = literal;
    this.ignoreCase = ignoreCase;
  }

  /** The literal that every match of {@code regex} contains, or {@link #NONE}. */
  static RequiredLiteral of(String regex) {
    if (regex.indexOf('|') >= 0) {
      return NONE;
    }
    int i = 0;
    boolean ignoreCase = false;
    if (regex.startsWith("(?i)")) {
      ignoreCase = true;
      i = 4;
    }
    while (true) {
      if (regex.startsWith("^", i)) {
        i += 1;
      } else if (regex.startsWith("\\b", i)) {
        i += 2;
      } else {
        break;
      }
    }
    StringBuilder run = new StringBuilder();
    int lastAtom = 0; // length of the run before its last character was added
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (isAsciiLetterOrDigit(c) || PLAIN.indexOf(c) >= 0) {
        lastAtom = run.length();
        run.append(c);
        i += 1;
      } else if (c == '\\' && i + 1 < regex.length() && ESCAPED.indexOf(regex.charAt(i + 1)) >= 0) {
        lastAtom = run.length();
        run.append(regex.charAt(i + 1));
        i += 2;
      } else {
        break;
      }
    }
    if (i < regex.length() && QUANTIFIERS.indexOf(regex.charAt(i)) >= 0) {
      run.setLength(lastAtom); // the quantifier makes the last character optional or repeated
    }
    if (run.length() == 0) {
      return NONE;
    }
    return new RequiredLiteral(ignoreCase ? asciiLowerCase(run) : run.toString(), ignoreCase);
  }

  /** The literal; empty when none is known. */
  String literal() {
    return literal;
  }

  /** Whether the literal was read under {@code (?i)}, so is compared with the lower-cased text. */
  boolean ignoreCase() {
    return ignoreCase;
  }

  /** False only when {@code text} cannot match the pattern; true says nothing. */
  boolean mayOccurIn(FieldText text) {
    if (literal.isEmpty()) {
      return true;
    }
    return ignoreCase ? text.lower().contains(literal) : text.value().contains(literal);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String asciiLowerCase(CharSequence s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      char c = s.charAt(i);
      out[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return literal.isEmpty() ? "none" : (ignoreCase ? "(?i)" : "") + literal;
  }
}
