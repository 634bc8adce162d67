package org.mastermail.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.blob.BlobStore;
import org.mastermail.jdbc.internal.Dialect;
import org.mastermail.jdbc.internal.JdbcBlobStore;
import org.mastermail.jdbc.internal.JdbcSession;
import org.mastermail.jdbc.internal.Jdbis;
import org.mastermail.jdbc.internal.Migrations;
import org.mastermail.jdbc.internal.SqlErrors;
import org.mastermail.storage.Storage;

/**
 * {@link Storage} in H2 (the embedded default) or PostgreSQL, on Jdbi, with the schema kept up to date by Flyway.
 *
 * <pre>{@code
 * Storage embedded = JdbcStorage.h2(Path.of("/var/lib/myapp/mastermail"));   // file database, pooled
 * Storage shared = JdbcStorage.postgres(hostDataSource);                      // the host's pool, used as is
 * Storage custom = JdbcStorage.builder().dataSource(hostDataSource).migrate(false).build();
 * }</pre>
 *
 * <p>Both databases run the same SQL; H2 runs in its own mode (no compatibility mode is needed). Every unit of work
 * runs in one transaction at the database's default isolation, READ COMMITTED for both (the pools created here ask for
 * it explicitly); write collisions on conversations are caught by their version. Instants are stored as
 * {@code timestamp with time zone} with microsecond precision: finer parts are truncated on the way in.
 *
 * <p>Unique-key violations surface as {@link org.mastermail.storage.DuplicateKeyException}, other database failures as
 * {@link MasterMailException}. {@link #close()} closes the connection pool only when this class created it.
 */
public final class JdbcStorage implements Storage {
  /** The file name (without H2's {@code .mv.db} suffix) of the database {@link #h2(Path)} keeps in its directory. */
  public static final String H2_DATABASE_NAME = "mastermail";
  /** Connections of the pools {@link #h2(Path)} and {@link #h2InMemory(String)} create. */
  public static final int H2_POOL_SIZE = 8;

  private final @Nullable HikariDataSource ownedPool;
  private final Dialect dialect;
  private final Jdbi jdbi;
  private final JdbcBlobStore blobs;

  private JdbcStorage(DataSource dataSource, @Nullable HikariDataSource ownedPool, boolean migrate) {
    this.ownedPool = ownedPool;
    this.dialect = Dialect.detect(dataSource);
    if (migrate) {
      Migrations.migrate(dataSource, dialect);
    }
    this.jdbi = Jdbis.create(dataSource);
    this.blobs = new JdbcBlobStore(jdbi, dialect);
  }

  /** Raw messages and attachments in this database, in chunks, stored once per content. */
  @Override
  public Optional<BlobStore> blobStore() {
    return Optional.of(blobs);
  }

  /** A file database in {@code dataDir} (created when missing), pooled, migrated. */
  public static JdbcStorage h2(Path dataDir) {
    requireNonNull(dataDir, "dataDir");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new MasterMailException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
    }
    Path file = dataDir.toAbsolutePath().resolve(H2_DATABASE_NAME);
    return owning(h2Pool("jdbc:h2:file:" + file, "mastermail-h2"), true);
  }

  /**
   * An in-memory database named {@code name}, for tests. It lives until the JVM exits, so opening the same name again
   * sees the same data; use a fresh name for a fresh database.
   */
  public static JdbcStorage h2InMemory(String name) {
    requireNonNull(name, "name");
    if (name.isBlank() || name.contains(";")) {
      throw new IllegalArgumentException("not a usable database name: '" + name + "'");
    }
    return owning(h2Pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "mastermail-h2-mem-" + name), true);
  }

  /** PostgreSQL through the host's {@code dataSource}, used as is (not wrapped in another pool); migrated. */
  public static JdbcStorage postgres(DataSource dataSource) {
    JdbcStorage storage = builder().dataSource(dataSource).build();
    if (storage.dialect != Dialect.POSTGRESQL) {
      throw new MasterMailException("JdbcStorage.postgres was given a " + storage.dialect.productName()
          + " data source; use JdbcStorage.builder() for other databases");
    }
    return storage;
  }

  /** A storage on a host-supplied data source, whose database type is read from the connection metadata. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public <R, X extends Exception> R inTransaction(UnitOfWork<R, X> work) throws X {
    requireNonNull(work, "work");
    try {
      return jdbi.inTransaction(handle -> work.run(new JdbcSession(handle, dialect)));
    } catch (JdbiException e) {
      // from our repositories or the commit; exceptions of the work itself pass unchanged
      throw SqlErrors.translate(e);
    }
  }

  /** Runs {@code work} on one connection in auto-commit mode: a read needs no BEGIN or COMMIT round trip. */
  @Override
  public <R, X extends Exception> R read(UnitOfWork<R, X> work) throws X {
    requireNonNull(work, "work");
    try {
      return jdbi.withHandle(handle -> work.run(new JdbcSession(handle, dialect)));
    } catch (JdbiException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Closes the connection pool if this storage created it; a host's data source is left alone. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStorage[" + dialect.productName() + (ownedPool != null ? ", " + ownedPool.getJdbcUrl() : "") + "]";
  }

  private static JdbcStorage owning(HikariDataSource pool, boolean migrate) {
    try {
      return new JdbcStorage(pool, pool, migrate);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * H2 keeps 8 parsed statements per session by default, fewer than archiving one message uses, so every statement
   * would be parsed and planned again.
   */
  private static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=64";

  private static HikariDataSource h2Pool(String url, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + H2_SETTINGS);
    config.setUsername("sa");
    config.setPassword("");
    config.setPoolName(poolName);
    config.setMaximumPoolSize(H2_POOL_SIZE);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }

  /** Builds a {@link JdbcStorage} on a host-supplied data source. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private boolean migrate = true;

    private Builder() {}

    /** The data source to use as is; required. */
    public Builder dataSource(DataSource value) {
      this.dataSource = requireNonNull(value, "dataSource");
      return this;
    }

    /** Whether {@link #build()} brings the schema up to date (default true). */
    public Builder migrate(boolean value) {
      this.migrate = value;
      return this;
    }

    /** Detects the database, migrates unless disabled, and returns the storage. */
    public JdbcStorage build() {
      if (dataSource == null) {
        throw new IllegalStateException("JdbcStorage.builder() needs a dataSource");
      }
      return new JdbcStorage(dataSource, null, migrate);
    }
  }
}
