package org.mastermail.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mastermail.InvalidInputException;

/**
 * The ordered rules of a tenant or of one mailbox. Rule ids are unique within a set. The tenant's rules run before
 * the mailbox's; a {@link Action.Stop} in the tenant's rules ends the run for both.
 */
public record RuleSet(List<Rule> rules) {
  /** No rules. */
  public static final RuleSet EMPTY = new RuleSet(List.of());

  public RuleSet {
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!ids.add(rules.get(i).id())) {
        throw new InvalidInputException("rules[" + i + "].id: '" + rules.get(i).id() + "' is used twice");
      }
    }
  }

  public static RuleSet of(Rule... rules) {
    return new RuleSet(List.of(rules));
  }
}
