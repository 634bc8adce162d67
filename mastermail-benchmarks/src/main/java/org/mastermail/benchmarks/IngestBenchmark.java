package org.mastermail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.testkit.InMemoryBlobStore;
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
  /** Unmeasured rounds per database before the measured one. */
  private static final int WARM_UP_ROUNDS = 2;
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

    // each database first gets whole warm-up rounds (ingest and raw insert into a database of their own, not
    // measured): otherwise the path measured first pays for compiling the database's, the driver's and our code, and
    // MasterMail has far more code to compile than the raw insert's loop (one round left the compiler busy on the
    // second core through the measured round)
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      try (HikariDataSource warm = postgresPool(); JdbcStorage storage = JdbcStorage.postgres(warm)) {
        run(null, storage, warm, files, bytes, "bytea");
      }
    }
    try (HikariDataSource pg = postgresPool(); JdbcStorage storage = JdbcStorage.postgres(pg)) {
      run("PostgreSQL", storage, pg, files, bytes, "bytea");
    }
    for (int round = 0; round <= WARM_UP_ROUNDS; round++) {
      Path h2dir = Files.createTempDirectory("mastermail-ingest-h2");
      try (JdbcStorage storage = JdbcStorage.h2(h2dir); HikariDataSource baseline = h2Baseline(h2dir)) {
        run(round < WARM_UP_ROUNDS ? null : "H2 file", storage, baseline, files, bytes, "varbinary");
      } finally {
        deleteTree(h2dir); // each round's two databases hold the corpus twice over
      }
    }
    double floor = skeletonPassAlone(files);
    System.out.printf(Locale.ROOT, "the single-instance pass alone (base64 checked and decoded, SHA-256, into memory, no "
        + "database, no parsing): %.1f msg/s, %.1f MB/s%n", files.size() / floor, bytes / 1e6 / floor);
    double sha = sha256Alone(files);
    System.out.printf(Locale.ROOT, "SHA-256 of every file's bytes alone (the JDK's MessageDigest, files read into memory "
        + "first): %.1f msg/s, %.1f MB/s%n", files.size() / sha, bytes / 1e6 / sha);
    System.exit(0);
  }

  /** Seconds the JDK's SHA-256 takes over all the bytes (read before timing), best of three. */
  private static double sha256Alone(List<Path> files) throws IOException {
    List<byte[]> all = new ArrayList<>();
    for (Path f : files) {
      all.add(Files.readAllBytes(f));
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (byte[] b : all) {
        sha256().digest(b);
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Seconds for the part of ingest no storage can avoid: every attachment checked, decoded and hashed to find its
   * address, the skeleton written, all into memory. A lower bound on the time of any ingest that stores attachments by
   * their SHA-256, next to the raw insert, which copies the bytes as they are. Best of three.
   */
  private static double skeletonPassAlone(List<Path> files) throws IOException {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      SingleInstanceStore store = new SingleInstanceStore(new InMemoryBlobStore(),
          SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
      long t0 = System.nanoTime();
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          store.store(in);
        }
      }
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
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
