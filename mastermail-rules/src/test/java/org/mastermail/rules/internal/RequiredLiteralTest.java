package org.mastermail.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.mastermail.rules.TextMatch;

/** The literal a pattern needs: read only where certain, and never changing what a pattern matches. */
class RequiredLiteralTest {
  @Test
  void theLiteralShouldBeThePatternsOpeningRunOfPlainCharacters() {
    assertThat(RequiredLiteral.of("(?i)Case #3\\b")).hasToString("(?i)case #3");
    assertThat(RequiredLiteral.of("Invoice \\d+")).hasToString("Invoice ");
    assertThat(RequiredLiteral.of("^\\[Ticket-(\\d+)\\]")).hasToString("[Ticket-");
    assertThat(RequiredLiteral.of("\\bURGENT\\b")).hasToString("URGENT");
    assertThat(RequiredLiteral.of("a\\.b")).hasToString("a.b");
  }

  @Test
  void aQuantifiedCharacterShouldNotBePartOfTheLiteral() {
    assertThat(RequiredLiteral.of("abc?")).hasToString("ab");
    assertThat(RequiredLiteral.of("ab*c")).hasToString("a");
    assertThat(RequiredLiteral.of("ab\\.+")).hasToString("ab");
    assertThat(RequiredLiteral.of("a{2}b")).isSameAs(RequiredLiteral.NONE);
  }

  @Test
  void aPatternWithAnAlternativeOrOtherFlagsShouldHaveNoLiteral() {
    assertThat(RequiredLiteral.of("(?i)urgent|asap")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("urgent\\|")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("(?iu)kelvin")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("(?x)a b")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("^(?i)invoice")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("[abc]def")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("(ab)+c")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of("\\Qa.b\\E")).isSameAs(RequiredLiteral.NONE);
    assertThat(RequiredLiteral.of(".*x")).isSameAs(RequiredLiteral.NONE);
  }

  @Test
  void aNonAsciiCharacterShouldEndTheLiteral() {
    assertThat(RequiredLiteral.of("(?i)straße")).hasToString("(?i)stra");
    assertThat(RequiredLiteral.of("résumé")).hasToString("r");
  }

  @Test
  void aTextWithoutTheLiteralShouldBeRuledOutAndOneWithItNot() {
    RequiredLiteral literal = RequiredLiteral.of("(?i)case #3\\b");
    assertThat(literal.mayOccurIn(new FieldText("Case #12 x"))).isFalse();
    assertThat(literal.mayOccurIn(new FieldText("Re: CASE #3"))).isTrue();
    assertThat(literal.mayOccurIn(new FieldText("Case #30"))).isTrue(); // the pattern itself rules this one out
    assertThat(RequiredLiteral.of("Case").mayOccurIn(new FieldText("CASE"))).isFalse();
    assertThat(RequiredLiteral.NONE.mayOccurIn(new FieldText("anything"))).isTrue();
  }

  @Test
  void theLiteralCheckShouldNeverChangeWhetherAPatternIsFound() {
    String[] texts = {"Case #3 x", "CASE #3", "case #30", "\u212Aelvin", "KELVIN", "Stra\u00dfe", "STRASSE",
        "\u017Fs", "\u0130stanbul", "ISTANBUL", "i\u0307stanbul", "a.b", "A.B", "ab#1", "", " ", "x".repeat(200)};
    Random random = new Random(7);
    int ruledOut = 0;
    int foundWithLiteral = 0;
    for (int n = 0; n < 20_000; n++) {
      String regex = randomPattern(random);
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        continue;
      }
      Preds.TextTest test = Preds.textTest(TextMatch.regex(regex));
      RequiredLiteral literal = RequiredLiteral.of(regex);
      for (int t = 0; t < 6; t++) {
        String text = t < 2 ? texts[random.nextInt(texts.length)]
            : t < 4 ? randomText(random) : randomText(random) + lookalike(regex, random) + randomText(random);
        boolean found = pattern.matcher(text).find();
        assertThat(test.test(new FieldText(text))).as("/%s/ in \"%s\"", regex, text).isEqualTo(found);
        if (found) {
          assertThat(literal.mayOccurIn(new FieldText(text))).as("/%s/ in \"%s\"", regex, text).isTrue();
          foundWithLiteral += literal == RequiredLiteral.NONE ? 0 : 1;
        } else if (!literal.mayOccurIn(new FieldText(text))) {
          ruledOut++;
        }
      }
    }
    assertThat(ruledOut).as("texts the literal ruled out").isGreaterThan(5_000);
    assertThat(foundWithLiteral).as("texts found by a pattern with a literal").isGreaterThan(2_000);
  }

  private static final String[] FLAGS = {"", "", "", "(?i)", "(?i)", "(?iu)", "(?-i)", "(?u)"};
  private static final String[] ATOMS = {"a", "A", "b", "B", "k", "K", "s", "S", "i", "I", "\u00df", "\u00e9", "#",
      " ", "1", "-", ":", "\\.", "\\#", "\\b", "\\d", "\\s", ".", "[a-c]", "(ab)", "(?:a|b)", "(?i)", "(?-i)", "^", "$",
      "|", "\\u212A", "x", "case", "CASE", " #3"};
  private static final String[] QUANTIFIERS = {"", "", "", "", "?", "*", "+", "{2}", "{0}", "{0,1}", "??", "*+"};
  private static final String[] CHARS = {"a", "A", "b", "B", "k", "K", "\u212A", "s", "S", "\u017F", "\u00df", "i", "I",
      "\u0130", "\u0131", "\u00e9", "\u00c9", "#", ".", " ", "1", "3", "\n", "-", ":", "x", "case", "CASE", "Case #3"};

  private static String randomPattern(Random random) {
    StringBuilder p = new StringBuilder(FLAGS[random.nextInt(FLAGS.length)]);
    int atoms = 1 + random.nextInt(5);
    for (int i = 0; i < atoms; i++) {
      p.append(ATOMS[random.nextInt(ATOMS.length)]).append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
    }
    return p.toString();
  }

  /** The pattern's letters and punctuation, some with their case or a Unicode lookalike changed. */
  private static String lookalike(String regex, Random random) {
    StringBuilder t = new StringBuilder();
    for (char c : regex.replaceAll("\\(\\?[-iu]*\\)|[\\\\?*+{}()\\[\\]|^$]", "").toCharArray()) {
      int change = random.nextInt(8);
      if (change == 0) {
        t.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      } else if (change == 1 && (c == 'k' || c == 'K')) {
        t.append('\u212A');
      } else if (change == 1 && (c == 's' || c == 'S')) {
        t.append('\u017F');
      } else {
        t.append(c);
      }
    }
    return t.toString();
  }

  private static String randomText(Random random) {
    StringBuilder t = new StringBuilder();
    int chars = random.nextInt(12);
    for (int i = 0; i < chars; i++) {
      t.append(CHARS[random.nextInt(CHARS.length)]);
    }
    return t.toString();
  }
}
