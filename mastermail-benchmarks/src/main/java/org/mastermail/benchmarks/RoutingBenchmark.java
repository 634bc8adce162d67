package org.mastermail.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageId;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.rules.Action;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleAdmin;
import org.mastermail.rules.RuleEngine;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.TextMatch;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.InMemoryStorage;

/**
 * Routing cost per message with 10, 1,000 and 10,000 rules through {@link RuleEngine#route}, indexed next to the same
 * engine with the index off (every rule tested), in the same run. Rules: half by sender address, half by sender domain
 * and subject, and a few regex rules on the subject that no index can rule out; the rule set is stored and read
 * through the storage as in production (in memory here, so the figures are the engine's). Both engines must take the
 * same decision for every message, or the run fails.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -pl mastermail-benchmarks exec:java
 * -Dbenchmark=RoutingBenchmark}.
 */
public final class RoutingBenchmark {
  private static final int MESSAGES = 1000;

  private RoutingBenchmark() {}

  public static void main(String[] args) {
    for (int rules : new int[] {10, 1_000, 10_000}) {
      run(rules);
    }
    System.exit(0);
  }

  private static void run(int count) {
    Storage storage = new InMemoryStorage();
    MasterMail mm = MasterMail.builder().storage(storage).build();
    TenantSetup office = mm.createTenant("Routing office", "admin@bench.example", "Admin");
    Mailbox info = mm.admin().mailboxes().createShared("info@bench.example", "Info", office.adminActor());
    RuleAdmin.of(mm).save(office.tenant().id(), null, rules(count), 0);
    RuleEngine indexed = RuleEngine.builder().build();
    RuleEngine linear = RuleEngine.builder().indexed(false).build();
    List<IncomingMessage> messages = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      messages.add(new IncomingMessage(office.tenant().id(), info.id(), MessageId.random(), null,
          "user" + (i * 7 % Math.max(1, count)) + "@senders.example", null, List.of("info@bench.example"), List.of(),
          List.of(), "user@senders.example", "Case #" + (i % 60) + " x", List.of(), "body", null, List.of(), 1000,
          null, Instant.parse("2026-11-16T09:00:00Z"), false));
    }
    Conversation conversation = new Conversation(office.tenant().id(), ConversationId.random(), info.id(), "x", null,
        mm.admin().statuses().list(office.adminActor()).get(0).id(), null, false, Set.of(), Set.of(),
        Instant.parse("2026-11-16T09:00:00Z"), Instant.parse("2026-11-16T09:00:00Z"), 1);
    for (IncomingMessage m : messages.subList(0, 100)) { // warm-up, and both must agree
      RoutingDecision a = storage.read(s -> indexed.route(m, conversation, s));
      RoutingDecision b = storage.read(s -> linear.route(m, conversation, s));
      if (!a.tags().equals(b.tags())) {
        throw new IllegalStateException("indexed and linear routing disagree for " + m.from() + " / " + m.subject());
      }
    }
    int rounds = count >= 10_000 ? 20 : 100;
    double perIndexed = perMessage(storage, indexed, messages, conversation, rounds);
    double perLinear = perMessage(storage, linear, messages, conversation, count >= 10_000 ? 1 : rounds / 10);
    System.out.printf(Locale.ROOT, "%,6d rules: indexed %8.1f µs/message, every rule tested %9.1f µs/message, %.0fx%n",
        count, perIndexed, perLinear, perLinear / perIndexed);
  }

  private static double perMessage(Storage storage, RuleEngine engine, List<IncomingMessage> messages,
      Conversation conversation, int rounds) {
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (IncomingMessage m : messages) {
        storage.read(s -> engine.route(m, conversation, s));
      }
    }
    return (System.nanoTime() - start) / 1000.0 / rounds / messages.size();
  }

  private static RuleSet rules(int count) {
    List<Rule> list = new ArrayList<>();
    List<Action> tag = List.of(new Action.Tag(List.of("routed")));
    int residual = Math.max(1, Math.min(50, count / 20));
    for (int i = 0; i < count - residual; i++) {
      Condition c = i % 2 == 0 ? Condition.from("user" + i + "@senders.example")
          : Condition.all(Condition.fromDomain("d" + i + ".example"), new Condition.Subject(TextMatch.contains("x")));
      list.add(new Rule("r" + i, "rule " + i, true, c, tag));
    }
    for (int i = 0; i < residual; i++) {
      list.add(new Rule("s" + i, "case " + i, true, new Condition.Subject(TextMatch.regex("(?i)case #" + i + "\\b")),
          List.of(new Action.Tag(List.of("case-" + i)))));
    }
    return new RuleSet(list);
  }
}
