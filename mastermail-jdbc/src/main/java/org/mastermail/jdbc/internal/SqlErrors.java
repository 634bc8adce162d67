package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.storage.DuplicateKeyException;

/** Turns JDBC failures into MasterMail exceptions. */
public final class SqlErrors {
  /** SQLSTATE of a unique-constraint violation, the same in H2 and PostgreSQL. */
  static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  /** The MasterMail exception for a failure of Jdbi or the driver that no repository translated itself. */
  public static MasterMailException translate(JdbiException e) {
    SQLException sql = sqlCause(e);
    if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
      return new DuplicateKeyException("duplicate key: " + sql.getMessage(), e);
    }
    String detail = sql != null ? sql.getMessage() : e.getMessage();
    return new MasterMailException("database access failed: " + detail, e);
  }

  /**
   * Runs an insert keyed by a random id and reports a duplicate id as a {@link DuplicateKeyException} with
   * {@code idTaken} as message. No savepoint: a taken random id is a caller's bug, not a case to recover from.
   */
  static int idWrite(Supplier<String> idTaken, IntSupplier write) {
    try {
      return write.getAsInt();
    } catch (JdbiException e) {
      if (isUniqueViolation(e)) {
        throw new DuplicateKeyException(idTaken.get(), e);
      }
      throw e;
    }
  }

  /**
   * Runs {@code write} inside a savepoint, returns its row count and reports a unique-key violation as a
   * {@link DuplicateKeyException}: with {@code keyTaken} as message when the violated constraint is {@code constraint},
   * else with {@code idTaken} (the primary key). The savepoint keeps the transaction usable afterwards (PostgreSQL
   * aborts a transaction at its first error), so a caller may catch the exception and carry on.
   */
  static int uniqueWrite(Handle handle, String constraint, Supplier<String> keyTaken, Supplier<String> idTaken,
      IntSupplier write) {
    Connection connection = handle.getConnection();
    Savepoint savepoint = setSavepoint(connection);
    int rows;
    try {
      rows = write.getAsInt();
    } catch (JdbiException e) {
      rollbackTo(connection, savepoint, e);
      throw duplicateOrSame(e, constraint, keyTaken, idTaken);
    }
    release(connection, savepoint);
    return rows;
  }

  /**
   * As {@link #uniqueWrite}, but without the savepoint, so two round trips fewer: for writes whose callers roll the
   * whole transaction back on a duplicate (on PostgreSQL it cannot go on after the error anyway), such as the
   * archiving of a message, which is retried from the start in a new transaction.
   */
  static int uniqueWriteEndingTransaction(String constraint, Supplier<String> keyTaken, Supplier<String> idTaken,
      IntSupplier write) {
    try {
      return write.getAsInt();
    } catch (JdbiException e) {
      throw duplicateOrSame(e, constraint, keyTaken, idTaken);
    }
  }

  private static RuntimeException duplicateOrSame(JdbiException e, String constraint, Supplier<String> keyTaken,
      Supplier<String> idTaken) {
    if (!isUniqueViolation(e)) {
      return e;
    }
    SQLException sql = requireNonNull(sqlCause(e));
    // both databases name the constraint in the message (H2 upper-case, as the name of its index)
    String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
    boolean key = !constraint.isEmpty() && text.contains(constraint);
    return new DuplicateKeyException(key ? keyTaken.get() : idTaken.get(), e);
  }

  private static boolean isUniqueViolation(JdbiException e) {
    SQLException sql = sqlCause(e);
    return sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }

  private static @Nullable SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static Savepoint setSavepoint(Connection connection) {
    try {
      return connection.setSavepoint();
    } catch (SQLException e) {
      throw new MasterMailException("cannot set a savepoint: " + e.getMessage(), e);
    }
  }

  private static void rollbackTo(Connection connection, Savepoint savepoint, Exception failure) {
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void release(Connection connection, Savepoint savepoint) {
    try {
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw new MasterMailException("cannot release a savepoint: " + e.getMessage(), e);
    }
  }
}
