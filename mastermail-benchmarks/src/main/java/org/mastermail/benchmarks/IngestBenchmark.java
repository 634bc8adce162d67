package org.mastermail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMail;
import org.mastermail.intake.IngestResult;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.TestPostgres;

/**
 * Ingest throughput (spool, single-instance skeleton and blobs, parse, thread, store) of the shared generated corpus
 * into embedded PostgreSQL and an H2 file database, each next to a raw batched insert of the same bytes into one
 * table in the same database, in the same run.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -pl mastermail-benchmarks exec:java
 * -Dbenchmark=IngestBenchmark -Dexec.args="500"} (argument: messages; the corpus comes from
 * {@code ../shared/corpus/GenCorpus.java} with seed 42, generated into {@code target/} on first use).
 */
public final class IngestBenchmark {
  private static final int BATCH = 100;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    Path corpus = corpus(n);
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".eml")).sorted().limit(n).toList();
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    System.out.printf(Locale.ROOT, "corpus: %d messages, %.1f MB%n", files.size(), bytes / 1e6);

    // each database first gets a whole warm-up round (ingest and raw insert into a database of its own, not
    // measured): otherwise the first path to run pays for compiling the database's and the driver's code
    try (HikariDataSource warm = postgresPool(); JdbcStorage storage = JdbcStorage.postgres(warm)) {
      run(null, storage, warm, files, bytes, "bytea");
    }
    try (HikariDataSource pg = postgresPool(); JdbcStorage storage = JdbcStorage.postgres(pg)) {
      run("PostgreSQL", storage, pg, files, bytes, "bytea");
    }
    for (String name : new String[] {null, "H2 file"}) {
      Path h2dir = Files.createTempDirectory("mastermail-ingest-h2");
      try (JdbcStorage storage = JdbcStorage.h2(h2dir); HikariDataSource baseline = h2Baseline(h2dir)) {
        run(name, storage, baseline, files, bytes, "varbinary");
      }
    }
    System.exit(0);
  }

  private static HikariDataSource postgresPool() {
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(TestPostgres.freshDatabase());
    pool.setMaximumPoolSize(4);
    return new HikariDataSource(pool);
  }

  /** The raw insert's own H2 file database beside MasterMail's. */
  private static HikariDataSource h2Baseline(Path dir) {
    HikariConfig h2 = new HikariConfig();
    h2.setJdbcUrl("jdbc:h2:file:" + dir.resolve("baseline").toAbsolutePath());
    h2.setUsername("sa");
    return new HikariDataSource(h2);
  }

  /** One round: raw insert, MasterMail ingest, raw insert again; a round without a name is a warm-up, not printed. */
  private static void run(@Nullable String name, JdbcStorage storage, DataSource raw, List<Path> files, long bytes,
      String binaryType) throws Exception {
    MasterMail mm = MasterMail.builder().storage(storage).build();
    TenantSetup office = mm.createTenant("Benchmark office", "admin@bench.example", "Admin");
    Mailbox info = mm.admin().mailboxes().createShared("office@company.example", "Office", office.adminActor());
    // raw first, then MasterMail, then raw again: the better raw figure is the baseline (warm caches, JIT)
    double raw1 = rawInsert(raw, files, binaryType, "raw_a");
    long t0 = System.nanoTime();
    int archived = 0;
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        IngestResult r = mm.intake().ingest(office.tenant().id(), info.id(), in, null);
        if (r.outcome() == IngestResult.Outcome.ARCHIVED) {
          archived++;
        }
      }
    }
    double ours = (System.nanoTime() - t0) / 1e9;
    double raw2 = rawInsert(raw, files, binaryType, "raw_b");
    double base = Math.min(raw1, raw2);
    if (name == null) {
      return;
    }
    System.out.printf(Locale.ROOT, "%-10s MasterMail ingest  %6.1f msg/s  %6.1f MB/s  (%d archived)%n", name,
        files.size() / ours, bytes / 1e6 / ours, archived);
    System.out.printf(Locale.ROOT, "%-10s raw batched insert %6.1f msg/s  %6.1f MB/s%n", name, files.size() / base,
        bytes / 1e6 / base);
    System.out.printf(Locale.ROOT, "%-10s ratio MasterMail / raw: %.2f%n", name, base / ours);
  }

  /** Seconds to insert every file's bytes into a fresh table, in batches of 100, one transaction per batch. */
  private static double rawInsert(DataSource db, List<Path> files, String binaryType, String table)
      throws SQLException, IOException {
    try (Connection c = db.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY, data " + binaryType + " NOT NULL)");
      }
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, data) VALUES (?, ?)")) {
        for (int i = 0; i < files.size(); i++) {
          ps.setInt(1, i);
          ps.setBytes(2, Files.readAllBytes(files.get(i)));
          ps.addBatch();
          if ((i + 1) % BATCH == 0 || i == files.size() - 1) {
            ps.executeBatch();
            c.commit();
          }
        }
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  static Path corpus(int n) throws IOException, InterruptedException {
    Path dir = Path.of("target", "corpus-" + n + "-42").toAbsolutePath();
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Path generator = Path.of("..", "..", "shared", "corpus", "GenCorpus.java").toAbsolutePath().normalize();
    if (!Files.exists(generator)) {
      generator = Path.of("..", "shared", "corpus", "GenCorpus.java").toAbsolutePath().normalize();
    }
    Files.createDirectories(dir);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        generator.toString(), dir.toString(), Integer.toString(n), "42").inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("generating the corpus with " + generator + " failed");
    }
    return dir;
  }
}
