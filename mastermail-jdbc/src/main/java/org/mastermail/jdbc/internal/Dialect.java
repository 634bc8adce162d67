package org.mastermail.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.mastermail.MasterMailException;

/**
 * The databases the schema and SQL are written for. Both accept the same SQL, so the dialect only guards against
 * running on a database nobody has tested.
 */
public enum Dialect {
  H2("H2"),
  POSTGRESQL("PostgreSQL");

  private final String productName;

  Dialect(String productName) {
    this.productName = productName;
  }

  /** The database product name as JDBC reports it. */
  public String productName() {
    return productName;
  }

  /** Reads the product name from the connection metadata. */
  public static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return of(product);
    } catch (SQLException e) {
      throw new MasterMailException("cannot connect to the database to detect its type: " + e.getMessage(), e);
    }
  }

  static Dialect of(String product) {
    String lower = product.toLowerCase(Locale.ROOT);
    if (lower.equals("h2")) {
      return H2;
    }
    if (lower.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new MasterMailException("unsupported database '" + product + "': MasterMail supports H2 and PostgreSQL");
  }
}
