package org.mastermail.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rules.Action;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.TextMatch;

/**
 * Rule matching cost with 10,000 rules, indexed against a naive scan of every rule, as a ratio measured in the same
 * run. Not a test (timed tests lie on a shared machine) and not run by the build: start it by hand with
 * {@code java -cp ... org.mastermail.rules.internal.RoutingBenchmark}. It belongs in {@code mastermail-benchmarks}
 * as a JMH benchmark; it lives here until that module can see the engine's internals.
 */
public final class RoutingBenchmark {
  private static final int RULES = 10_000;
  private static final int RESIDUAL = 50;
  private static final int MESSAGES = 20_000;
  /** The naive scan is a hundred times slower: fewer messages keep the run short. */
  private static final int NAIVE_MESSAGES = 500;

  private RoutingBenchmark() {}

  public static void main(String[] args) {
    List<Rule> list = new ArrayList<>();
    List<Action> tag = List.of(new Action.Tag(List.of("x")));
    for (int i = 0; i < RULES - RESIDUAL; i++) {
      Condition c = i % 2 == 0 ? Condition.from("user" + i + "@senders.example")
          : Condition.all(Condition.fromDomain("d" + i + ".example"), new Condition.Subject(TextMatch.contains("x")));
      list.add(new Rule("r" + i, "r" + i, true, c, tag));
    }
    for (int i = 0; i < RESIDUAL; i++) {
      list.add(new Rule("s" + i, "s" + i, true, new Condition.Subject(TextMatch.regex("(?i)case #" + i + "\\b")), tag));
    }
    CompiledRules rules = CompiledRules.compile("tenant", 1, new RuleSet(list));
    List<MessageView> views = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      IncomingMessage m = Messages.message("user" + (i * 7) + "@senders.example", List.of("info@acme.example"),
          "Case #" + i + " x");
      views.add(Messages.view(m));
    }
    for (int round = 0; round < 3; round++) {
      long indexed = time(() -> indexed(rules, views));
      long naive = time(() -> naive(rules, views));
      double perIndexed = indexed / 1000.0 / MESSAGES;
      double perNaive = naive / 1000.0 / NAIVE_MESSAGES;
      System.out.printf(Locale.ROOT, "round %d: indexed %.1f µs/message, naive scan %.1f µs/message, ratio %.1fx%n",
          round, perIndexed, perNaive, perNaive / perIndexed);
    }
  }

  private static long time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return System.nanoTime() - start;
  }

  private static int indexed(CompiledRules rules, List<MessageView> views) {
    int hits = 0;
    for (int i = 0; i < MESSAGES; i++) {
      MessageView v = views.get(i % views.size());
      for (CompiledRules.Entry e : rules.candidates(v)) {
        hits += e.when().test(v).ok() ? 1 : 0;
      }
    }
    return hits;
  }

  private static int naive(CompiledRules rules, List<MessageView> views) {
    int hits = 0;
    for (int i = 0; i < NAIVE_MESSAGES; i++) {
      MessageView v = views.get(i % views.size());
      for (CompiledRules.Entry e : rules.entries) {
        hits += e.when().test(v).ok() ? 1 : 0;
      }
    }
    return hits;
  }
}
