package org.mastermail.rules.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Rule;
import org.mastermail.rules.RuleSet;

/**
 * A rule set ready to run, with an index so that a message is tested only against the rules that can match it.
 *
 * <p>Each rule's conditions are reduced to a <em>key set</em>: keys of which a message must have at least one for the
 * rule to match ({@code f:jan@client.example} for a sender address, {@code d:client.example} for a sender domain,
 * {@code r:info@acme.example} for a recipient). {@code all} takes its most selective part (fewest keys), {@code any}
 * the union of its parts when every part has keys; {@code not} and the other conditions have none. Rules with a key
 * set are listed under each key in a hash map; the others form the residual set. A message's candidates are the
 * residual rules plus the rules found under its own keys (its address, each suffix of its domain, each recipient),
 * merged in rule order through a bit set. Disabled rules are not indexed at all.
 */
public final class CompiledRules {
  /** One rule with its compiled conditions and its position (from 0) in the set. */
  record Entry(int position, Rule rule, Pred when) {}

  final String scope;
  final long version;
  final @Nullable String error;
  final List<Entry> entries;
  private final Map<String, int[]> index;
  private final BitSet residual;
  private final int total;

  private CompiledRules(String scope, long version, @Nullable String error, List<Entry> entries,
      Map<String, int[]> index, BitSet residual, int total) {
    this.scope = scope;
    this.version = version;
    this.error = error;
    this.entries = entries;
    this.index = index;
    this.residual = residual;
    this.total = total;
  }

  /** Compiles {@code set}; {@code scope} names it in traces ("tenant", "mailbox"). */
  static CompiledRules compile(String scope, long version, RuleSet set) {
    List<Entry> entries = new ArrayList<>(set.rules().size());
    Map<String, List<Integer>> keyed = new HashMap<>();
    BitSet residual = new BitSet();
    for (int position = 0; position < set.rules().size(); position++) {
      Rule rule = set.rules().get(position);
      if (!rule.enabled()) {
        continue;
      }
      int slot = entries.size();
      // positions count every rule of the set, disabled ones too, as an editor shows them
      entries.add(new Entry(position, rule, Preds.compile(rule.conditions())));
      Set<String> keys = keys(rule.conditions());
      if (keys == null) {
        residual.set(slot);
      } else {
        for (String key : keys) {
          keyed.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
        }
      }
    }
    Map<String, int[]> index = new HashMap<>(keyed.size() * 2);
    keyed.forEach((k, v) -> index.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return new CompiledRules(scope, version, null, List.copyOf(entries), index, residual, set.rules().size());
  }

  /** A stored rule set that cannot be read: it routes nothing and says why in every trace. */
  static CompiledRules broken(String scope, long version, String error) {
    return new CompiledRules(scope, version, error, List.of(), Map.of(), new BitSet(), 0);
  }

  /** The rules that can match {@code m}, in order. */
  List<Entry> candidates(MessageView m) {
    if (entries.isEmpty()) {
      return List.of();
    }
    BitSet hits = (BitSet) residual.clone();
    for (String key : keysOf(m)) {
      int[] slots = index.get(key);
      if (slots != null) {
        for (int slot : slots) {
          hits.set(slot);
        }
      }
    }
    List<Entry> out = new ArrayList<>(hits.cardinality());
    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
      out.add(entries.get(i));
    }
    return out;
  }

  /** How many rules the set holds, disabled ones included. */
  int total() {
    return total;
  }

  /** How many rules have no key and are tested against every message. */
  int residualCount() {
    return residual.cardinality();
  }

  private static Set<String> keysOf(MessageView m) {
    Set<String> keys = new LinkedHashSet<>();
    if (!m.from().isEmpty()) {
      keys.add("f:" + m.from());
    }
    String d = m.domain();
    while (!d.isEmpty()) {
      keys.add("d:" + d);
      int dot = d.indexOf('.');
      d = dot < 0 ? "" : d.substring(dot + 1);
    }
    for (String r : m.recipients(Condition.RecipientField.ANY)) {
      keys.add("r:" + r);
    }
    return keys;
  }

  /** The keys of which a message needs one to match {@code c}, or null when {@code c} cannot be indexed. */
  static @Nullable Set<String> keys(Condition c) {
    if (c instanceof Condition.From from) {
      return prefixed("f:", from.addresses());
    } else if (c instanceof Condition.FromDomain domain) {
      return prefixed("d:", domain.domains());
    } else if (c instanceof Condition.Recipient r) {
      return prefixed("r:", r.addresses());
    } else if (c instanceof Condition.All all) {
      Set<String> best = null;
      for (Condition part : all.conditions()) {
        Set<String> keys = keys(part);
        if (keys != null && (best == null || keys.size() < best.size())) {
          best = keys;
        }
      }
      return best;
    } else if (c instanceof Condition.Any any) {
      if (any.conditions().isEmpty()) {
        return Set.of(); // never matches: indexed under no key at all
      }
      Set<String> union = new HashSet<>();
      for (Condition part : any.conditions()) {
        Set<String> keys = keys(part);
        if (keys == null) {
          return null;
        }
        union.addAll(keys);
      }
      return union;
    }
    return null;
  }

  private static Set<String> prefixed(String prefix, List<String> values) {
    Set<String> keys = new HashSet<>();
    values.forEach(v -> keys.add(prefix + v));
    return keys;
  }
}
