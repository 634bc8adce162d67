package org.mastermail.benchmarks;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.imap.Credentials;
import org.mastermail.imap.ImapSettings;
import org.mastermail.imap.ImapSource;
import org.mastermail.imap.Security;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SyncContext;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.tenant.TenantSetup;

/**
 * IMAP fetch + archive throughput: the shared corpus in a local IMAP server (GreenMail, see {@link LocalImapServer}), fetched and archived by
 * {@link ImapSource} into an H2 file database, next to a plain Jakarta Mail client that fetches every message body the
 * same way (streamed, 1 MiB partial fetches) and discards it, in the same run.
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && mvn -q -pl mastermail-benchmarks exec:java
 * -Dbenchmark=ImapFetchBenchmark -Dexec.args="500"}.
 */
public final class ImapFetchBenchmark {
  private static final String USER = "office";
  private static final String PASSWORD = "secret";

  private ImapFetchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    List<Path> files;
    try (Stream<Path> s = Files.list(IngestBenchmark.corpus(n))) {
      files = s.filter(p -> p.toString().endsWith(".eml")).sorted().limit(n).toList();
    }
    LocalImapServer server = new LocalImapServer();
    server.start();
    try {
      GreenMailUser user = server.setUser("office@company.example", USER, PASSWORD);
      Session session = Session.getInstance(new Properties());
      long bytes = 0;
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          user.deliver(new MimeMessage(session, in));
        }
        bytes += Files.size(f);
      }
      int port = server.port();
      System.out.printf(Locale.ROOT, "IMAP server holds %d messages, %.1f MB%n", files.size(), bytes / 1e6);

      double raw1 = rawFetch(port);
      Path dir = Files.createTempDirectory("mastermail-imap-bench");
      double ours;
      try (JdbcStorage storage = JdbcStorage.h2(dir)) {
        MasterMail mm = MasterMail.builder().storage(storage).build();
        TenantSetup office = mm.createTenant("Benchmark office", "admin@bench.example", "Admin");
        Mailbox info = mm.admin().mailboxes().createShared("office@company.example", "Office", office.adminActor());
        ImapSettings settings = ImapSettings.builder("127.0.0.1", USER, Credentials.password(PASSWORD))
            .port(port).security(Security.NONE).idle(false).build();
        try (ImapSource source = new ImapSource(SourceId.of("imap:office"), office.tenant().id(), info.id(),
            settings)) {
          long t0 = System.nanoTime();
          source.sync(SyncContext.of(mm.intake(), source, () -> true));
          ours = (System.nanoTime() - t0) / 1e9;
        }
        int archived = mm.triage().list(View.ALL, ConversationFilter.none(), Sort.NEWEST, null, 500,
            office.adminActor()).items().size();
        System.out.printf(Locale.ROOT, "conversations after the sync: %d%n", archived);
      }
      double raw2 = rawFetch(port);
      double base = Math.min(raw1, raw2);
      System.out.printf(Locale.ROOT, "ImapSource sync + archive (H2)  %6.1f msg/s  %6.1f MB/s%n", files.size() / ours,
          bytes / 1e6 / ours);
      System.out.printf(Locale.ROOT, "Jakarta Mail fetch only         %6.1f msg/s  %6.1f MB/s%n", files.size() / base,
          bytes / 1e6 / base);
      System.out.printf(Locale.ROOT, "ratio: %.2f%n", base / ours);
    } finally {
      server.stop();
    }
    System.exit(0);
  }

  /** Seconds for a plain client to stream every message body of INBOX (with PEEK) to nowhere. */
  private static double rawFetch(int port) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.imap.peek", "true");
    p.setProperty("mail.imap.partialfetch", "true");
    p.setProperty("mail.imap.fetchsize", Integer.toString(1024 * 1024));
    Session session = Session.getInstance(p);
    long t0 = System.nanoTime();
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", port, USER, PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      inbox.fetch(messages, profile);
      for (Message m : messages) {
        try (OutputStream sink = OutputStream.nullOutputStream()) {
          m.writeTo(sink);
        }
      }
      inbox.close(false);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
