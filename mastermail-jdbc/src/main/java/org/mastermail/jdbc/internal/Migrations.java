package org.mastermail.jdbc.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.mastermail.MasterMailException;

/** Brings the schema up to date with Flyway, configured in code only (no config files, no environment). */
public final class Migrations {
  /** Where the migrations live: SQL for both databases, and per database where one needs its own. */
  public static final String LOCATION = "classpath:db/migration/common";
  /** The migrations of one database, under {@code db/migration/postgresql} or {@code db/migration/h2}. */
  public static String vendorLocation(Dialect dialect) {
    return "classpath:db/migration/" + (dialect == Dialect.POSTGRESQL ? "postgresql" : "h2");
  }
  /** Our own history table, so a host running Flyway for its own tables in the same schema is not disturbed. */
  public static final String HISTORY_TABLE = "mastermail_schema_history";

  private Migrations() {}

  /** Applies pending migrations; fails when the database holds migrations this version does not know. */
  public static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION, vendorLocation(dialect))
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        // a host schema may already hold its own tables; version 0 as baseline still runs our V1
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new MasterMailException("schema migration failed: " + e.getMessage(), e);
    }
  }
}
