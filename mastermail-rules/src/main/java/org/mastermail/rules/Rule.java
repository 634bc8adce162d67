package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.mastermail.InvalidInputException;

/**
 * One rule: when {@code conditions} hold, do {@code actions} in order. {@code id} is stable across edits (round-robin
 * positions and auto-reply limits are kept under it); {@code name} is for people.
 *
 * <pre>{@code
 * new Rule("vip", "VIP clients to Alice", true, Condition.fromDomain("client.example"),
 *     List.of(new Action.Assign("alice@acme.example"), new Action.Stop()));
 * }</pre>
 */
public record Rule(String id, String name, boolean enabled, Condition conditions, List<Action> actions) {
  /** A condition that always holds: a rule without conditions applies to every message. */
  public static final Condition ALWAYS = new Condition.All(List.of());
  /** What a rule id may look like. */
  public static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

  public Rule {
    requireNonNull(id, "id");
    if (!id.matches(ID_PATTERN)) {
      throw new InvalidInputException("a rule id is 1 to 64 of A-Z a-z 0-9 . _ -, was '" + id + "'");
    }
    requireNonNull(name, "name");
    requireNonNull(conditions, "conditions");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new InvalidInputException("a rule needs at least one action");
    }
  }

  /** An enabled rule named after its id. */
  public static Rule of(String id, Condition conditions, Action... actions) {
    return new Rule(id, id, true, conditions, List.of(actions));
  }
}
