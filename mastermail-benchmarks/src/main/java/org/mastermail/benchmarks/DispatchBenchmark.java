package org.mastermail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.mastermail.MasterMail;
import org.mastermail.imap.Security;
import org.mastermail.imap.SmtpSettings;
import org.mastermail.imap.SmtpTransport;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboxView;
import org.mastermail.storage.Storage;
import org.mastermail.testkit.TestPostgres;
import org.mastermail.testkit.contract.Office;

/**
 * Dispatch throughput: queued messages sent by the dispatcher through {@code SmtpTransport} to a local SMTP sink,
 * next to a raw Jakarta Mail loop ({@code Transport.sendMessage} over one open connection) sending the same bytes to
 * the same sink, in the same run. The dispatcher's figure includes everything it does per message: the claim, reading
 * the stored bytes, SMTP, and recording the message as sent in its conversation.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -pl mastermail-benchmarks exec:java
 * -Dbenchmark=DispatchBenchmark -Dexec.args="2000 100"} (arguments: messages per round, messages per claim);
 * BENCHMARKS.md shows how to run it from a worktree without installing.
 */
public final class DispatchBenchmark {
  /** Messages per claim: a commit costs a disk flush, so a larger claim (and its recording) amortises it. */
  private static final int DEFAULT_BATCH = 100;
  private static int batch = DEFAULT_BATCH;

  private DispatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    batch = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_BATCH;
    System.out.printf(Locale.ROOT, "dispatcher claims %d messages at a time%n", batch);
    try (LocalSmtpSink sink = new LocalSmtpSink()) {
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(TestPostgres.freshDatabase());
      pool.setMaximumPoolSize(8);
      try (HikariDataSource pg = new HikariDataSource(pool)) {
        run("PostgreSQL", JdbcStorage.postgres(pg), sink, n, () -> analyze(pg));
      }
      Path h2 = Files.createTempDirectory("mastermail-dispatch-h2");
      run("H2 file", JdbcStorage.h2(h2), sink, n, () -> {}); // H2 analyses by itself every 2,000 changed rows
    }
    System.exit(0);
  }

  /**
   * Gives PostgreSQL's planner the statistics autovacuum keeps in a running system. Without them (a database a minute
   * old: autovacuum looks once a minute) the planner cannot tell the tenant-led indexes apart and may look a message up
   * by scanning every message of the tenant, a plan the server then keeps for the connection.
   */
  private static void analyze(DataSource db) {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("ANALYZE failed", e);
    }
  }

  private static void run(String name, Storage storage, LocalSmtpSink sink, int n, Runnable analyze)
      throws Exception {
    SmtpSettings settings = SmtpSettings.builder("127.0.0.1", sink.port()).security(Security.NONE)
        .ehloName("bench.test").build();
    try (MasterMail mm = MasterMail.builder().storage(storage).build()) {
      Office o = Office.create(mm);
      // warm-up of both paths (JIT, pools), not measured
      queue(mm, o, 300);
      byte[] sample = sampleBytes(mm, o);
      dispatch(mm, settings, sink, 1, 300);
      raw(settings, sink, sample, 300);
      analyze.run();

      for (long delay : new long[] {0, 2}) {
        sink.replyDelay(delay);
        int count = delay == 0 ? n : Math.max(100, n / 4);
        long bytes0 = sink.bytes();
        double raw1 = raw(settings, sink, sample, count);
        long bytes1 = sink.bytes();
        queue(mm, o, count);
        Rate one = dispatch(mm, settings, sink, 1, count);
        long bytes2 = sink.bytes();
        queue(mm, o, count);
        Rate four = dispatch(mm, settings, sink, 4, count);
        double raw2 = raw(settings, sink, sample, count);
        double rawBest = Math.max(raw1, raw2);
        System.out.printf(Locale.ROOT, "%s, %d messages of %d bytes, sink answering %s:%n", name, count,
            sample.length, delay == 0 ? "at once" : "after " + delay + " ms");
        System.out.printf(Locale.ROOT, "  bytes per message at the sink: raw loop %.1f, dispatcher %.1f%n",
            (bytes1 - bytes0) / (double) count, (bytes2 - bytes1) / (double) count);
        System.out.printf(Locale.ROOT, "  raw Jakarta Mail loop, one connection: %.0f msg/s (runs %.0f, %.0f)%n",
            rawBest, raw1, raw2);
        System.out.printf(Locale.ROOT, "  dispatcher, 1 worker:  %.0f msg/s = %.2fx raw (sent and recorded: %.0f msg/s)%n",
            one.sent(), one.sent() / rawBest, one.recorded());
        System.out.printf(Locale.ROOT, "  dispatcher, 4 workers: %.0f msg/s = %.2fx raw (sent and recorded: %.0f msg/s)%n",
            four.sent(), four.sent() / rawBest, four.recorded());
      }
      sink.replyDelay(0);
    }
  }

  private static final String TEXT = ("Dzień dobry,\n\nw załączeniu przesyłamy rozliczenie mediów za lokal. "
      + "Prosimy o wpłatę do końca miesiąca.\n").repeat(20);

  private static void queue(MasterMail mm, Office o, int count) {
    for (int i = 0; i < count; i++) {
      mm.outbound().send(Compose.from(o.info.id()).to("tenant" + i + "@tenants.example")
          .subject("Rozliczenie " + i).text(TEXT).build(), o.alice);
    }
  }

  private static byte[] sampleBytes(MasterMail mm, Office o) throws Exception {
    OutboundMessage any = mm.outbound().list(o.info.id(), OutboxView.OUTBOX, null, 1, o.alice).items().get(0);
    try (var in = mm.outbound().mime(any.id(), o.alice)) {
      return in.readAllBytes();
    }
  }

  /**
   * Messages per second until the sink had them all ({@code sent}), and until the dispatcher had also recorded them
   * all and stopped ({@code recorded}: the recording of the last claim goes on after its last message is sent).
   */
  private record Rate(double sent, double recorded) {}

  /** Starts a dispatcher over the {@code pending} queued messages. */
  private static Rate dispatch(MasterMail mm, SmtpSettings settings, LocalSmtpSink sink, int workers, int pending)
      throws Exception {
    long before = sink.accepted();
    long t0;
    long t1;
    try (SmtpTransport smtp = SmtpTransport.of(settings)) {
      Dispatcher d = mm.dispatcher(DispatcherSettings.builder().workers(workers).batch(batch)
          .poll(Duration.ofMillis(200)).build(), m -> Optional.of(smtp));
      try {
        t0 = System.nanoTime();
        d.start();
        if (!sink.awaitAccepted(before + pending, 600_000)) {
          throw new IllegalStateException("dispatch did not finish: " + (sink.accepted() - before) + " of "
              + pending);
        }
        t1 = System.nanoTime();
      } finally {
        d.close(); // returns once every outcome is recorded
      }
    }
    long t2 = System.nanoTime();
    if (sink.accepted() - before != pending) {
      throw new IllegalStateException("the sink accepted " + (sink.accepted() - before) + " of " + pending);
    }
    return new Rate(pending / ((t1 - t0) / 1e9), pending / ((t2 - t0) / 1e9));
  }

  /** Sends {@code count} copies of {@code bytes} over one connection and returns messages per second. */
  private static double raw(SmtpSettings settings, LocalSmtpSink sink, byte[] bytes, int count) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", String.valueOf(sink.port()));
    p.setProperty("mail.smtp.localhost", "bench.test");
    Session session = Session.getInstance(p);
    List<MimeMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      messages.add(new MimeMessage(session, new ByteArrayInputStream(bytes)));
    }
    Address[] to = {new InternetAddress("tenant@tenants.example")};
    long before = sink.accepted();
    long t0 = System.nanoTime();
    try (Transport t = session.getTransport("smtp")) {
      t.connect();
      for (MimeMessage m : messages) {
        t.sendMessage(m, to);
      }
    }
    long t1 = System.nanoTime();
    // the sink counts a message after its reply: wait for the count of the last one
    if (!sink.awaitAccepted(before + count, 10_000) || sink.accepted() - before != count) {
      throw new IllegalStateException("raw loop: the sink accepted " + (sink.accepted() - before) + " of " + count);
    }
    return count / ((t1 - t0) / 1e9);
  }
}
