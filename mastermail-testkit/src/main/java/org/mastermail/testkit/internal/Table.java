package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One table of one transaction: reads the committed rows until the first write, then works on a private copy, so a
 * rolled-back transaction leaves the committed map untouched. Rows keep their insertion order.
 */
public final class Table<K, V> {
  private final Runnable guard;
  private Map<K, V> rows;
  private boolean copied;

  Table(Map<K, V> committed, Runnable guard) {
    this.rows = requireNonNull(committed, "committed");
    this.guard = requireNonNull(guard, "guard");
  }

  public Optional<V> get(K key) {
    guard.run();
    return Optional.ofNullable(rows.get(key));
  }

  public boolean contains(K key) {
    guard.run();
    return rows.containsKey(key);
  }

  /** The rows that pass {@code filter}, in insertion order, as a list the caller may keep while writing. */
  public List<V> select(Predicate<? super V> filter) {
    guard.run();
    List<V> out = new ArrayList<>();
    for (V row : rows.values()) {
      if (filter.test(row)) {
        out.add(row);
      }
    }
    return out;
  }

  /** Whether any row passes {@code filter}. */
  public boolean any(Predicate<? super V> filter) {
    guard.run();
    return rows.values().stream().anyMatch(filter);
  }

  /** Inserts or replaces a row; a replaced row keeps its place in the insertion order. */
  public void put(K key, V value) {
    writable().put(requireNonNull(key, "key"), requireNonNull(value, "value"));
  }

  /** Returns whether a row was removed. */
  public boolean remove(K key) {
    if (!contains(key)) {
      return false;
    }
    writable().remove(key);
    return true;
  }

  /** The rows as they stand, for the next committed state. */
  Map<K, V> snapshot() {
    return copied ? Collections.unmodifiableMap(rows) : rows;
  }

  private Map<K, V> writable() {
    guard.run();
    if (!copied) {
      rows = new LinkedHashMap<>(rows);
      copied = true;
    }
    return rows;
  }
}
