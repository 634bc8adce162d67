package org.mastermail.examples.server.demo;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.event.EventListener;
import org.mastermail.examples.server.ServerNode;
import org.mastermail.examples.server.ServerSettings;
import org.mastermail.examples.server.api.Json;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.ServerConfig;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.permission.Role;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.status.StatusId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: a property-management office, Acme Property, whose shared mailbox {@code info@acme.example} is fetched by
 * IMAP from an embedded GreenMail server seeded with a realistic Monday's mail, four people with different
 * permissions, a few routing rules (one of them an automatic acknowledgement that never loops), and replies sent back
 * through GreenMail's SMTP. Mail sent to GreenMail's SMTP port for {@code info@acme.example} appears within moments.
 *
 * <pre>{@code
 * try (Demo demo = Demo.start(Demo.Options.defaults())) {
 *   System.out.println(demo.banner());
 *   demo.node().awaitShutdown();
 * }
 * }</pre>
 */
public final class Demo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  public static final String TENANT = "Acme Property";
  public static final String DOMAIN = "acme.example";
  public static final String INFO = "info@" + DOMAIN;
  /** The password of info@'s account on the embedded mail server (not a login of ours). */
  static final String MAILBOX_PASSWORD = "info-mailbox-secret";

  /**
   * A person of the demo office and what they may do. {@code passwordHash} is the Argon2id hash of {@code password}
   * (made with {@code hash-password}): hashing four passwords at start-up would cost the demo a second.
   */
  public record Login(String email, String password, String passwordHash, String name, String role,
      String mailboxRole, String what) {}

  public static final List<Login> LOGINS = List.of(
      new Login("anna@" + DOMAIN, "anna-demo",
          "$argon2id$v=19$m=19456,t=2,p=1$jL5csxnQGvuT1Q7B1D5/Jw$+aiczJ9o82SkndrZhu6Yc1fPDxyicyddg1DqW7uoUG0",
          "Anna Becker", Role.ADMIN, Role.MANAGER, "administrator: everything, rules and users included"),
      new Login("marek@" + DOMAIN, "marek-demo",
          "$argon2id$v=19$m=19456,t=2,p=1$qOSquxw92k1/QThuN3+x5A$Z0YoIdkQfe1pAdeLsFGphyYT64cRZBltG3k68aPsJto",
          "Marek Nowak", Role.MANAGER, Role.MANAGER, "office lead (VIEW_ALL): sees and assigns everyone's work"),
      new Login("ewa@" + DOMAIN, "ewa-demo",
          "$argon2id$v=19$m=19456,t=2,p=1$/BVKG+Gh+E/eWrtSanFkEQ$eRX0sXE55GQ8yhu1hbXgU4Kbgk6OYxCcwOiXI7QwdyE",
          "Ewa Kowalczyk", Role.MEMBER, Role.MEMBER, "member: her own conversations and the unassigned ones"),
      new Login("jonas@" + DOMAIN, "jonas-demo",
          "$argon2id$v=19$m=19456,t=2,p=1$N9nNDAG8bRYnr2zSWxMrIA$9FEPWp/rN/3Xw3Ub7Yv9kpTOGxcoLolYkVxztp8Tkpo",
          "Jonas Weber", Role.MEMBER, Role.MEMBER, "member: German-speaking tenants are routed to him"));

  /**
   * Where the demo keeps its data and listens; a null {@code dataDir} means a new temporary directory. The
   * {@code listener} hears of every change (tests await mail with it).
   */
  public record Options(@Nullable Path dataDir, ServerSettings settings, int imapPort, int smtpPort,
      PasswordHasher passwords, EventListener listener) {
    public Options {
      requireNonNull(settings, "settings");
      requireNonNull(passwords, "passwords");
      requireNonNull(listener, "listener");
    }

    /** A temporary directory, the web server on 127.0.0.1:8080, the mail server on free ports. */
    public static Options defaults() {
      return new Options(null, ServerSettings.builder().host("127.0.0.1").build(), 0, 0, PasswordHasher.DEFAULT,
          events -> { });
    }
  }

  private final DemoMailServer mail;
  private final ServerNode node;
  private final Path dataDir;

  private Demo(DemoMailServer mail, ServerNode node, Path dataDir) {
    this.mail = mail;
    this.node = node;
    this.dataDir = dataDir;
  }

  /** Starts the mail server, seeds it (for a new data directory), and starts the server node on it. */
  public static Demo start(Options options) {
    long started = System.nanoTime();
    Path dataDir = options.dataDir() != null ? options.dataDir() : temporaryDirectory();
    boolean fresh = !Files.exists(dataDir.resolve(JdbcStorage.H2_DATABASE_NAME + ".mv.db"));
    DemoMailServer mail = new DemoMailServer(options.imapPort(), options.smtpPort());
    mail.start();
    ServerNode node = null;
    // the mail server is filled on another core while the database opens and the office is provisioned
    CompletableFuture<Long> seeded = CompletableFuture.supplyAsync(() -> {
      GreenMailUser info = mail.setUser(INFO, INFO, MAILBOX_PASSWORD);
      if (fresh) {
        for (MimeMessage m : DemoMailbox.messages(INFO, Clock.systemUTC().instant())) {
          info.deliver(m);
        }
      }
      return System.nanoTime();
    }, task -> new Thread(task, "demo-mail-seed").start());
    try {
      node = ServerNode.builder(config(dataDir, mail.imapPort(), mail.smtpPort()))
          .settings(options.settings())
          .passwords(options.passwords())
          .listener(options.listener())
          .fetchFirst(true) // the seeded mail is there when the first page loads
          .beforeFirstFetch(seeded::join)
          .pollInterval(Duration.ofSeconds(10)) // only if IDLE failed: new mail is normally seen at once
          .start();
      long mailReady = seeded.join();
      long nodeStarted = System.nanoTime();
      if (fresh) {
        livedIn(node);
      }
      LOG.info("demo started in {} ms (mail server and seeding {} ms, meanwhile; a morning's work {} ms)",
          (System.nanoTime() - started) / 1_000_000, (mailReady - started) / 1_000_000,
          (System.nanoTime() - nodeStarted) / 1_000_000);
      return new Demo(mail, node, dataDir);
    } catch (RuntimeException e) {
      if (node != null) {
        node.close();
      }
      seeded.exceptionally(failure -> 0L).join(); // not stopped under the seeding thread's feet
      mail.stop();
      throw e instanceof CompletionException c && c.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * The demo office as a config, as {@code serve} would read it. The IMAP position is kept under a name of this run:
   * the embedded server starts empty each time, so its folder is a new one.
   */
  static ServerConfig config(Path dataDir, int imapPort, int smtpPort) {
    Map<String, String> members = new LinkedHashMap<>();
    for (Login l : LOGINS) {
      members.put(l.email(), l.mailboxRole());
    }
    ServerConfig.MailboxConfig info = new ServerConfig.MailboxConfig(INFO, "Info", members,
        new ServerConfig.ImapConfig(DemoMailServer.HOST, imapPort, "none", INFO, MAILBOX_PASSWORD, "INBOX", "seen",
            true, "imap:" + INFO + ":demo-" + UUID.randomUUID()),
        new ServerConfig.SmtpConfig(DemoMailServer.HOST, smtpPort, "none", null, null),
        new ServerConfig.AccountConfig("Acme Property – Office", null,
            "Acme Property Management\n" + INFO + " · +48 12 345 67 89"),
        null);
    List<ServerConfig.UserConfig> users = LOGINS.stream()
        .map(l -> new ServerConfig.UserConfig(l.email(), l.name(), l.role(), null, l.passwordHash())).toList();
    return new ServerConfig(new ServerConfig.Database(dataDir.toString(), null, null, null), null, null, false,
        DOMAIN, "Europe/Berlin", List.of(new ServerConfig.TenantConfig(TENANT, users, List.of(info), rules())));
  }

  /** The demo's rules; see mastermail-rules/README.md for the language. */
  static JsonNode rules() {
    String json = """
        {"rules": [
          {"id": "newsletters", "name": "Newsletters are filed away unread",
           "conditions": {"header": {"name": "List-Unsubscribe", "exists": true}},
           "actions": [{"tag": "newsletter"}, {"status": "archived"}, {"stop": true}]},
          {"id": "urgent", "name": "Leaks and breakdowns are urgent",
           "conditions": {"subject": {"regex": "(?i)urgent|leak|awaria|wasserschaden|havárie"}},
           "actions": [{"tag": "urgent"}, {"due": {"in": "PT4H", "urgent": true}}]},
          {"id": "german", "name": "German-speaking tenants go to Jonas",
           "conditions": {"any": [{"fromDomain": ["de", "at", "ch"]}, {"language": ["de"]}]},
           "actions": [{"assign": "jonas@acme.example"}]},
          {"id": "invoices", "name": "Invoices are due in three days",
           "conditions": {"all": [{"hasAttachment": true}, {"subject": {"regex": "(?i)\\\\b(faktura|rechnung|invoice)\\\\b"}}]},
           "actions": [{"tag": "invoice"}, {"due": {"in": "P3D"}}]},
          {"id": "acknowledge", "name": "Acknowledge new requests (never to auto-replies or lists)",
           "conditions": {"not": {"reply": true}},
           "actions": [{"autoReply": {"subject": "Re: {subject}", "days": 7,
             "text": "Thank you for writing to Acme Property. We have received your message and will answer within one working day.\\n\\nDziękujemy · Vielen Dank · Děkujeme"}}]}
        ]}
        """;
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the demo's rules are not JSON", e);
    }
  }

  /** A few moves of a working morning, so that the views are not all the same at first sight. */
  private static void livedIn(ServerNode node) {
    MasterMail mm = node.masterMail();
    Actor ewa = actorOf(node, "ewa@" + DOMAIN);
    Actor marek = actorOf(node, "marek@" + DOMAIN);
    mm.triage().list(View.ALL, ConversationFilter.none().withText("Awaria windy"), Sort.NEWEST, null, 5, marek)
        .items().stream().findFirst().ifPresent(s -> {
          // latest, not the version seen, and again on a collision: the dispatcher may be adding the acknowledgement
          // to this very conversation meanwhile (core fails even a "latest" change that a concurrent commit overtook)
          ConversationRef lift = ConversationRef.latest(s.conversation().id());
          StatusId inProgress = mm.admin().statuses().list(ewa).stream()
              .filter(st -> st.name().equals(DefaultStatuses.IN_PROGRESS)).findFirst().orElseThrow().id();
          retrying(() -> mm.triage().take(lift, ewa));
          retrying(() -> mm.triage().setStatus(lift, inProgress, ewa));
          retrying(() -> mm.triage().link(lift, EntityRef.of("building", "Lipowa 12"), ewa));
          mm.triage().addNote(lift.id(), "Called the lift service: a technician comes tomorrow at 9:00.", ewa);
        });
    templates(node);
  }

  /** The office's reply templates (Mustache, filled by the server with the sender's name, the subject and "me"). */
  private static void templates(ServerNode node) {
    MasterMail mm = node.masterMail();
    Actor admin = node.mailboxes().get(0).admin();
    MailboxId info = node.mailboxes().get(0).mailbox().id();
    if (!mm.outbound().templates(info, admin).isEmpty()) {
      return; // a demo restarted on its data directory keeps what it had
    }
    mm.outbound().saveTemplate(new Template(TemplateId.random(), info, "Repair booked", "Re: {{subject}}",
        "Dear {{name}},\n\nthank you for letting us know. We have booked a technician, who will call you to agree on "
        + "a time.\n\nKind regards,\n{{me}}", null), admin);
    mm.outbound().saveTemplate(new Template(TemplateId.random(), info, "Viewing appointment", "Re: {{subject}}",
        "Dear {{name}},\n\nthank you for your interest. The flat can be viewed on weekdays between 10:00 and 16:00; "
        + "please tell us which day suits you.\n\nKind regards,\n{{me}}", null), admin);
    mm.outbound().saveTemplate(new Template(TemplateId.random(), info, "Potwierdzenie (PL)", "Re: {{subject}}",
        "Dzień dobry,\n\ndziękujemy za wiadomość. Zajmiemy się sprawą i odpowiemy w ciągu jednego dnia roboczego."
        + "\n\nZ pozdrowieniami,\n{{me}}", null), admin);
  }

  private static void retrying(Runnable change) {
    for (int attempt = 1; ; attempt++) {
      try {
        change.run();
        return;
      } catch (ConflictException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static Actor actorOf(ServerNode node, String email) {
    Actor admin = node.mailboxes().get(0).admin();
    return node.masterMail().admin().users().list(admin).stream().filter(u -> u.email().equals(email))
        .map(u -> Actor.of(u.tenant(), u.id())).findFirst().orElseThrow();
  }

  public ServerNode node() {
    return node;
  }

  public int smtpPort() {
    return mail.smtpPort();
  }

  public int imapPort() {
    return mail.imapPort();
  }

  /** The embedded mail server (to send to the demo address, or to read what the office sent). */
  public DemoMailServer mailServer() {
    return mail;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What to tell the person who started the demo: where to go and how to log in. */
  public String banner() {
    StringBuilder b = new StringBuilder();
    b.append("\nMasterMail demo: ").append(node.server().uri()).append("  (REST API under /api;")
        .append(" see mastermail-examples/README.md)\n\n  Log in as:\n");
    for (Login l : LOGINS) {
      b.append(String.format("    %-20s %-12s %s%n", l.email(), l.password(), l.what()));
    }
    b.append("\n  Shared mailbox ").append(INFO).append(": fetched by IMAP from the embedded mail server.\n")
        .append("  Send it mail by SMTP at ").append(DemoMailServer.HOST).append(':').append(smtpPort())
        .append(" (no login); it appears within moments.\n")
        .append("  Data: ").append(dataDir).append(" (H2; --data DIR keeps it)\n  Ctrl-C stops.\n");
    return b.toString();
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      mail.stop();
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("mastermail-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
