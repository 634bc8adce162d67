package org.mastermail.jdbc.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL text built in code together with its positional parameters, in the order their {@code ?} appear. */
final class Sql {
  private final StringBuilder text = new StringBuilder();
  private final List<Object> args = new ArrayList<>();

  Sql append(String sql) {
    text.append(sql);
    return this;
  }

  /** Appends one {@code ?} bound to {@code value}. */
  Sql param(Object value) {
    text.append('?');
    args.add(value);
    return this;
  }

  /** Appends {@code (?, ?, ...)} bound to {@code values}, which must not be empty. */
  Sql list(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    text.append('(');
    String separator = "";
    for (Object value : values) {
      text.append(separator);
      param(value);
      separator = ", ";
    }
    text.append(')');
    return this;
  }

  /**
   * Appends the condition that the columns {@code keys} equal {@code keyValues} and {@code column} is one of
   * {@code values} (not empty). PostgreSQL gets {@code k = ? AND column IN (?, ...)}. H2 would look that up in an
   * index over {@code (keys..., column)} by the keys alone and test the list on every row found — all of a tenant's
   * or a mailbox's rows — so it gets the row-value form {@code (keys..., column) IN ((?, ..., ?), ...)}, which it
   * looks up entry by entry.
   */
  Sql keyedIn(Dialect dialect, List<String> keys, List<?> keyValues, String column, Collection<?> values) {
    if (keys.size() != keyValues.size() || keys.isEmpty()) {
      throw new IllegalArgumentException("keys and their values differ in number: " + keys + " " + keyValues);
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    if (dialect == Dialect.POSTGRESQL) {
      for (int i = 0; i < keys.size(); i++) {
        append(i == 0 ? "" : " AND ").append(keys.get(i) + " = ").param(keyValues.get(i));
      }
      return append(" AND " + column + " IN ").list(values);
    }
    text.append('(').append(String.join(", ", keys)).append(", ").append(column).append(") IN (");
    String separator = "";
    for (Object value : values) {
      text.append(separator).append('(');
      for (Object key : keyValues) {
        param(key);
        text.append(", ");
      }
      param(value);
      text.append(')');
      separator = ", ";
    }
    text.append(')');
    return this;
  }

  /** Appends {@code other}, text and parameters. */
  Sql append(Sql other) {
    text.append(other.text);
    args.addAll(other.args);
    return this;
  }

  String text() {
    return text.toString();
  }

  Query query(Handle handle) {
    Query query = handle.createQuery(text.toString());
    for (int i = 0; i < args.size(); i++) {
      query.bind(i, args.get(i));
    }
    return query;
  }

  @Override
  public String toString() {
    return text + " " + args;
  }
}
