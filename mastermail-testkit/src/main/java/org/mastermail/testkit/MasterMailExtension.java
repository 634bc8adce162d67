package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mastermail.MasterMail;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.storage.Storage;

/**
 * Gives a test class a ready {@link MasterMail} with a {@link MutableClock}, on the storage of your choice, created
 * before the first test and closed after the last:
 *
 * <pre>{@code
 * class MyIntegrationTest {
 *   @RegisterExtension
 *   static final MasterMailExtension MM = MasterMailExtension.postgres();
 *
 *   @Test
 *   void somethingShouldWork() {
 *     TenantSetup office = MM.masterMail().createTenant("Acme", "boss@acme.example", "Anna");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * {@link #inMemory()} needs nothing; {@link #h2()} uses a file database in a temporary directory; {@link #postgres()}
 * a fresh database on the JVM's one embedded PostgreSQL ({@link TestPostgres}); {@link #dataSource(Supplier)} any
 * database the host supplies, e.g. a Testcontainers container's.
 */
public final class MasterMailExtension implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<Storage> storageFactory;
  private final String description;
  private @Nullable Path tempDir;
  private @Nullable MasterMail masterMail;
  private @Nullable Storage storage;
  private MutableClock clock = MutableClock.atDefaultStart();

  private MasterMailExtension(String description, Supplier<Storage> storageFactory) {
    this.description = description;
    this.storageFactory = storageFactory;
  }

  public static MasterMailExtension inMemory() {
    return new MasterMailExtension("in-memory", InMemoryStorage::new);
  }

  public static MasterMailExtension h2() {
    MasterMailExtension[] self = new MasterMailExtension[1];
    self[0] = new MasterMailExtension("H2", () -> JdbcStorage.h2(self[0].newTempDir()));
    return self[0];
  }

  public static MasterMailExtension postgres() {
    return new MasterMailExtension("PostgreSQL", () -> JdbcStorage.postgres(TestPostgres.freshDatabase()));
  }

  /** Runs on a database the host supplies (called once per test class; it should be empty or migrated by us). */
  public static MasterMailExtension dataSource(Supplier<DataSource> dataSource) {
    requireNonNull(dataSource, "dataSource");
    return new MasterMailExtension("DataSource", () -> JdbcStorage.postgres(dataSource.get()));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    clock = MutableClock.atDefaultStart();
    storage = storageFactory.get();
    masterMail = MasterMail.builder().storage(storage).clock(clock).build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (masterMail != null) {
      masterMail.close();
      masterMail = null;
    }
    if (tempDir != null) {
      deleteRecursively(tempDir);
      tempDir = null;
    }
  }

  public MasterMail masterMail() {
    if (masterMail == null) {
      throw new IllegalStateException("MasterMailExtension is not started: register it with @RegisterExtension static");
    }
    return masterMail;
  }

  public Storage storage() {
    masterMail();
    return requireNonNull(storage);
  }

  public MutableClock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "MasterMailExtension[" + description + "]";
  }

  private Path newTempDir() {
    try {
      tempDir = Files.createTempDirectory("mastermail-h2-");
      return tempDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
