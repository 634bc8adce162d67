package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.rule.RoutingDecision;

/**
 * Why a message was routed as it was: each rule looked at, whether its conditions held (and if not, which failed),
 * what each of its actions did, and why the assignee was chosen. {@link #lines()} is the same as text; it is what
 * the conversation's {@code ROUTED} event keeps.
 *
 * @param decision what the engine decided (core applies it)
 * @param rules the rules tested, in order; rules the index ruled out are not listed (see {@code rulesTested})
 * @param assignment why the assignee was chosen, or why there is none; null when no rule tried to assign
 * @param autoReplies the automatic replies decided
 * @param suppressedReplies automatic replies not sent, each with its reason
 * @param notes notes rules left for the team
 * @param rulesTested how many rules were tested against the message
 * @param rulesTotal how many rules the tenant's and the mailbox's rule sets hold
 */
public record Explanation(RoutingDecision decision, List<RuleTrace> rules, @Nullable String assignment,
    List<AutoReply> autoReplies, List<String> suppressedReplies, List<Forward> forwards, List<String> notes,
    int rulesTested, int rulesTotal) {
  public Explanation {
    requireNonNull(decision, "decision");
    rules = List.copyOf(rules);
    autoReplies = List.copyOf(autoReplies);
    suppressedReplies = List.copyOf(suppressedReplies);
    forwards = List.copyOf(forwards);
    notes = List.copyOf(notes);
  }

  /** The trace as lines of text, as stored in the {@code ROUTED} event. */
  public List<String> lines() {
    return decision.trace();
  }

  /** The rules that matched, in order. */
  public List<RuleTrace> matched() {
    return rules.stream().filter(RuleTrace::matched).toList();
  }

  /** The trace of the rule with this id, if it was tested. */
  public Optional<RuleTrace> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * One rule as tested.
   *
   * @param scope {@code tenant} or {@code mailbox}
   * @param position the rule's position in its set, from 1
   * @param conditions why its conditions held, or which one failed and what the message had instead
   * @param actions what each action did (empty when it did not match)
   */
  public record RuleTrace(String scope, int position, String id, String name, boolean matched, String conditions,
      List<String> actions) {
    public RuleTrace {
      requireNonNull(scope, "scope");
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(conditions, "conditions");
      actions = List.copyOf(actions);
    }
  }
}
