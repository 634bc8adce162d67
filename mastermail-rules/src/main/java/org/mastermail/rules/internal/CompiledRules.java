package org.mastermail.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * merged in rule order. Disabled rules are not indexed at all. A message that hits no key gets the residual rules
 * as they are, without a list being made for it.
 */
public final class CompiledRules {
  /** One rule with its compiled conditions and its position (from 0) in the set. */
  static final class Entry {
    private final int position;
    private final Rule rule;
    private final Pred when;
    private final String scope;
    private @Nullable String label;
    private @Nullable String missed;

    Entry(int position, Rule rule, Pred when, String scope) {
      this.position = position;
      this.rule = rule;
      this.when = when;
      this.scope = scope;
    }

    int position() {
      return position;
    }

    Rule rule() {
      return rule;
    }

    Pred when() {
      return when;
    }

    /** How the trace names the rule: {@code tenant rule #3 vip "VIP customers"}; made once, on first use. */
    String label() {
      String l = label;
      if (l == null) {
        l = scope + " rule #" + (position + 1) + " " + rule.id()
            + (rule.name().equals(rule.id()) ? "" : " \"" + rule.name() + "\"");
        label = l; // a race makes the same string twice, harmlessly
      }
      return l;
    }

    /** How a trace line of the rule failing starts: {@code tenant rule #3 vip: no — }. */
    String missed() {
      String m = missed;
      if (m == null) {
        m = label() + ": no — ";
        missed = m;
      }
      return m;
    }
  }

  final String scope;
  final long version;
  final @Nullable String error;
  final List<Entry> entries;
  /** Slots (positions in {@link #entries}) of the rules needing a sender address, sender domain or recipient. */
  private final Map<String, int[]> byFrom;
  private final Map<String, int[]> byDomain;
  private final Map<String, int[]> byRecipient;
  private final int[] residual;
  private final List<Entry> residualEntries;
  private final int total;

  private CompiledRules(String scope, long version, @Nullable String error, List<Entry> entries,
      Map<String, List<Integer>> keyed, int[] residual, int total) {
    this.scope = scope;
    this.version = version;
    this.error = error;
    this.entries = entries;
    this.byFrom = part(keyed, "f:");
    this.byDomain = part(keyed, "d:");
    this.byRecipient = part(keyed, "r:");
    this.residual = residual;
    this.residualEntries = Arrays.stream(residual).mapToObj(entries::get).toList();
    this.total = total;
  }

  /** The keys of one kind without their prefix, each with its slots in rule order. */
  private static Map<String, int[]> part(Map<String, List<Integer>> keyed, String prefix) {
    Map<String, int[]> part = new HashMap<>();
    keyed.forEach((key, slots) -> {
      if (key.startsWith(prefix)) {
        part.put(key.substring(prefix.length()), slots.stream().mapToInt(Integer::intValue).toArray());
      }
    });
    return part;
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
      entries.add(new Entry(position, rule, Preds.compile(rule.conditions()), scope));
      Set<String> keys = keys(rule.conditions());
      if (keys == null) {
        residual.set(slot);
      } else {
        for (String key : keys) {
          keyed.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
        }
      }
    }
    return new CompiledRules(scope, version, null, List.copyOf(entries), keyed, residual.stream().toArray(),
        set.rules().size());
  }

  /** A stored rule set that cannot be read: it routes nothing and says why in every trace. */
  static CompiledRules broken(String scope, long version, String error) {
    return new CompiledRules(scope, version, error, List.of(), Map.of(), new int[0], 0);
  }

  /** The rules that can match {@code m}, in order. */
  List<Entry> candidates(MessageView m) {
    if (entries.isEmpty()) {
      return List.of();
    }
    Hits hits = new Hits();
    if (!m.from().isEmpty()) {
      hits.add(byFrom.get(m.from()));
    }
    for (String domain : m.domainSuffixes()) {
      hits.add(byDomain.get(domain));
    }
    for (String recipient : m.recipients(Condition.RecipientField.ANY)) {
      hits.add(byRecipient.get(recipient));
    }
    if (hits.count == 0) {
      return residualEntries;
    }
    int[] keyed = hits.sorted();
    // both in rule order: merge them, dropping a rule found under two of the message's keys
    List<Entry> out = new ArrayList<>(residual.length + keyed.length);
    int r = 0;
    int k = 0;
    int last = -1;
    while (r < residual.length || k < keyed.length) {
      int slot = k >= keyed.length || (r < residual.length && residual[r] < keyed[k]) ? residual[r++] : keyed[k++];
      if (slot != last) {
        out.add(entries.get(slot));
        last = slot;
      }
    }
    return out;
  }

  /** The slot lists found under a message's keys. */
  private static final class Hits {
    private int[][] found = new int[4][];
    private int count;
    private int size;

    void add(int @Nullable [] slots) {
      if (slots == null) {
        return;
      }
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = slots;
      size += slots.length;
    }

    /** Every slot found, ascending; a slot found under two keys appears twice. */
    int[] sorted() {
      if (count == 1) {
        return found[0]; // listed in rule order when compiled
      }
      int[] all = new int[size];
      int at = 0;
      for (int i = 0; i < count; i++) {
        System.arraycopy(found[i], 0, all, at, found[i].length);
        at += found[i].length;
      }
      Arrays.sort(all);
      return all;
    }
  }

  /** How many rules the set holds, disabled ones included. */
  int total() {
    return total;
  }

  /** How many rules have no key and are tested against every message. */
  int residualCount() {
    return residual.length;
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
