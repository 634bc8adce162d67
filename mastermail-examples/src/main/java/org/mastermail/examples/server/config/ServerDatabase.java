package org.mastermail.examples.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.mastermail.jdbc.JdbcStorage;

/**
 * The server's one database: MasterMail's tables ({@link JdbcStorage}) and the server's own (logins, provisioned
 * tenants) over one connection pool. The server makes the pool itself because {@code JdbcStorage.h2(dir)} keeps its
 * pool to itself; {@link #h2(Path)} opens the very file {@code JdbcStorage.h2(dir)} would, so a data directory
 * written by either is read by the other.
 */
public final class ServerDatabase implements AutoCloseable {
  /** The server's migrations, under a history table of their own beside MasterMail's. */
  public static final String LOCATION = "classpath:db/server";
  public static final String HISTORY_TABLE = "mastermail_server_schema_history";
  private static final int POOL_SIZE = JdbcStorage.H2_POOL_SIZE;

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final CompletableFuture<Void> migrated;

  private ServerDatabase(HikariDataSource pool) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    // the server's tables are migrated on another thread while MasterMail's are on the caller's (storage()): Flyway
    // is most of a start-up's database time, and each migration keeps to its own history table
    this.migrated = CompletableFuture.runAsync(() -> migrate(pool),
        task -> new Thread(task, "mastermail-server-migration").start());
  }

  /** The database a config names: its H2 data directory, or its JDBC URL. */
  public static ServerDatabase of(ServerConfig config) {
    Path dataDir = config.dataDir();
    ServerConfig.Database db = config.database();
    if (dataDir != null) {
      return h2(dataDir);
    }
    return jdbc(Objects.requireNonNull(db, "database").jdbcUrl(), db.username(), db.password());
  }

  /** The H2 file database under {@code dataDir}, created when missing. */
  public static ServerDatabase h2(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    Path file = dataDir.toAbsolutePath().resolve(JdbcStorage.H2_DATABASE_NAME);
    // the server closes the database itself on shutdown (after the sources have released their leases): H2's own
    // shutdown hook would close it first and make those last writes fail
    return jdbc("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
  }

  /** Any database MasterMail supports, by JDBC URL: {@code jdbc:postgresql://db/mastermail}, {@code jdbc:h2:...}. */
  public static ServerDatabase jdbc(String url, @Nullable String username, @Nullable String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(password);
    config.setPoolName("mastermail-server");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED"); // what JdbcStorage expects of its pools
    return new ServerDatabase(new HikariDataSource(config));
  }

  /** MasterMail's storage on this database (its schema migrated); closing it leaves the pool open. */
  public JdbcStorage storage() {
    return JdbcStorage.builder().dataSource(pool).build();
  }

  public DataSource dataSource() {
    return pool;
  }

  /** The server's own tables (once their migration has finished). */
  public Jdbi jdbi() {
    try {
      migrated.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return jdbi;
  }

  @Override
  public void close() {
    try {
      migrated.handle((ok, failure) -> ok).join(); // the pool is not closed under a running migration
    } finally {
      pool.close();
    }
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure(ServerDatabase.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .cleanDisabled(true)
        // MasterMail's tables may already be there; version 0 as baseline still runs our V1
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
