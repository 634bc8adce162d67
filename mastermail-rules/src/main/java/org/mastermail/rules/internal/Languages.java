package org.mastermail.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small language guess from common words: enough to send Polish mail to the Polish desk, not a linguist. A language
 * wins when at least {@value #MIN_HITS} of its words occur and no other language has as many.
 */
final class Languages {
  private static final int MIN_HITS = 2;
  private static final int MAX_CHARS = 4000;
  private static final Map<String, Set<String>> WORDS = Map.of(
      "en", Set.of("the", "and", "is", "are", "you", "your", "please", "thank", "thanks", "with", "for", "have",
          "this", "that", "would", "regards", "dear", "hello", "we", "our"),
      "de", Set.of("der", "die", "das", "und", "ist", "nicht", "sie", "ich", "mit", "bitte", "danke", "für", "ein",
          "eine", "wir", "ihr", "ihre", "grüße", "freundlichen", "sehr", "geehrte", "geehrter", "auf"),
      "fr", Set.of("le", "la", "les", "et", "est", "vous", "nous", "pour", "avec", "merci", "bonjour", "une", "des",
          "votre", "cordialement", "pas", "je", "que", "dans"),
      "es", Set.of("el", "los", "las", "y", "es", "usted", "para", "con", "gracias", "hola", "una", "por", "que",
          "saludos", "estimado", "su", "muy", "pero"),
      "it", Set.of("il", "lo", "gli", "e", "è", "per", "con", "grazie", "buongiorno", "una", "che", "non", "sono",
          "cordiali", "saluti", "della", "vostro"),
      "nl", Set.of("de", "het", "een", "en", "is", "niet", "u", "uw", "voor", "met", "bedankt", "dank", "graag",
          "groet", "vriendelijke", "wij", "ik", "van"),
      "pl", Set.of("i", "w", "nie", "na", "jest", "się", "z", "do", "dziękuję", "proszę", "pozdrawiam", "dzień",
          "dobry", "że", "to", "czy", "pan", "pani", "jak"),
      "pt", Set.of("o", "os", "as", "e", "não", "para", "com", "obrigado", "obrigada", "olá", "uma", "que", "por",
          "cumprimentos", "você", "seu", "sua"));

  private Languages() {}

  /** The ISO 639-1 code of the likeliest language of {@code text}, or "" when unsure. */
  static String guess(String text) {
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    Map<String, Integer> hits = new HashMap<>();
    for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Set<String>> e : WORDS.entrySet()) {
        if (e.getValue().contains(word)) {
          hits.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    String best = "";
    int bestHits = 0;
    boolean tie = false;
    for (String lang : List.copyOf(new java.util.TreeSet<>(hits.keySet()))) {
      int n = hits.get(lang);
      if (n > bestHits) {
        best = lang;
        bestHits = n;
        tie = false;
      } else if (n == bestHits) {
        tie = true;
      }
    }
    return bestHits >= MIN_HITS && !tie ? best : "";
  }
}
