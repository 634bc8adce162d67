package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.mastermail.MasterMail;
import org.mastermail.event.EventListener;
import org.mastermail.examples.server.api.LiveUpdates;
import org.mastermail.examples.server.auth.JdbcLogins;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.Connections;
import org.mastermail.examples.server.config.JdbcAbsences;
import org.mastermail.examples.server.config.Provisioner;
import org.mastermail.examples.server.config.Provisioner.ProvisionedMailbox;
import org.mastermail.examples.server.config.ServerConfig;
import org.mastermail.examples.server.config.ServerDatabase;
import org.mastermail.examples.server.config.ServerRules;
import org.mastermail.imap.ImapSource;
import org.mastermail.imap.SmtpTransport;
import org.mastermail.intake.MailSource;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceScheduler;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.MailTransport;
import org.mastermail.templates.MustacheRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server made from a {@link ServerConfig}: the database, MasterMail with the rule engine, the tenants
 * provisioned, an IMAP source per configured folder under a {@link SourceScheduler}, an SMTP transport per mailbox
 * with a started {@link Dispatcher}, and the HTTP server. Closing it stops all of them, in reverse order.
 *
 * <pre>{@code
 * try (ServerNode node = ServerNode.builder(ServerConfig.read(file)).settings(settings).start()) {
 *   node.awaitShutdown();
 * }
 * }</pre>
 */
public final class ServerNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerNode.class);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final LiveUpdates live = new LiveUpdates();
  private ServerDatabase database;
  private MasterMail mm;
  private JdbcLogins logins;
  private List<ProvisionedMailbox> mailboxes = List.of();
  private List<MailSource> sources = List.of();
  private SourceScheduler scheduler;
  private MasterMailServer server;

  private ServerNode() {}

  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  private void start(Builder b) {
    long started = System.nanoTime();
    ServerConfig config = b.config;
    database = remember(ServerDatabase.of(config));
    Map<MailboxId, MailTransport> transports = new ConcurrentHashMap<>();
    ZoneId zone = config.zone() != null ? ZoneId.of(config.zone()) : ZoneOffset.UTC;
    ServerRules rules = ServerRules.create(b.clock, zone, new JdbcAbsences(database.jdbi()));
    MasterMail.Builder mmb = MasterMail.builder()
        .storage(database.storage())
        .clock(b.clock)
        .router(rules.engine())
        .transports(mailbox -> Optional.ofNullable(transports.get(mailbox.id())))
        .templates(new MustacheRenderer())
        .listener(live);
    b.listeners.forEach(mmb::listener);
    if (config.messageIdDomain() != null) {
      mmb.messageIdDomain(config.messageIdDomain());
    }
    mm = remember(mmb.build());
    logins = new JdbcLogins(database.jdbi(), b.passwords, b.clock);
    long opened = System.nanoTime();
    // Jetty's start is mostly class loading: it runs on another core meanwhile (a login before the tenants exist is
    // simply refused)
    CompletableFuture<MasterMailServer> http = CompletableFuture.supplyAsync(
        () -> MasterMailServer.start(mm, rules, logins, b.settings, b.clock, live),
        task -> new Thread(task, "mastermail-http-start").start());
    RuntimeException failure = null;
    long provisioned = opened;
    try {
      mailboxes = new Provisioner(mm, database.jdbi(), logins).apply(config.tenants());
      provisioned = System.nanoTime();
      startMail(b, transports);
    } catch (RuntimeException e) {
      failure = e;
    }
    long fetched = System.nanoTime();
    try {
      server = remember(http.join());
    } catch (CompletionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
      if (failure == null) {
        failure = cause;
      } else {
        failure.addSuppressed(cause);
      }
    }
    if (failure != null) {
      throw failure;
    }
    LOG.info("started in {} ms: database {} ms, provisioning {} ms, mail {} ms (HTTP meanwhile)",
        millis(started, System.nanoTime()), millis(started, opened), millis(opened, provisioned),
        millis(provisioned, fetched));
  }

  /** The SMTP transports and IMAP sources of the provisioned mailboxes, their scheduler and the dispatcher. */
  private void startMail(Builder b, Map<MailboxId, MailTransport> transports) {
    List<MailSource> imap = new ArrayList<>();
    for (ProvisionedMailbox p : mailboxes) {
      ServerConfig.SmtpConfig smtp = p.config().smtp();
      if (smtp != null) {
        transports.put(p.mailbox().id(), remember(SmtpTransport.of(Connections.smtp(smtp))));
      }
      ServerConfig.ImapConfig in = p.config().imap();
      if (in != null) {
        SourceId id = SourceId.of(in.source() != null ? in.source() : "imap:" + p.mailbox().address());
        imap.add(new ImapSource(id, p.tenant(), p.mailbox().id(), Connections.imap(in)));
      }
    }
    sources = List.copyOf(imap);
    SourceScheduler.Builder sb = SourceScheduler.builder(mm).pollInterval(b.pollInterval);
    sources.forEach(sb::source);
    scheduler = remember(sb.build()); // closes the sources too
    if (b.fetchFirst) {
      b.beforeFirstFetch.run();
      fetchNow();
    }
    scheduler.start();
    remember(mm.dispatcher(DispatcherSettings.DEFAULTS)).start();
  }

  /** Fetches every source once on the calling thread (the scheduler fetches in the background anyway). */
  public void fetchNow() {
    for (MailSource source : sources) {
      try {
        scheduler.syncOnce(source);
      } catch (Exception e) {
        LOG.warn("fetching {} failed; the scheduler tries again", source.id(), e);
      }
    }
  }

  public MasterMail masterMail() {
    return mm;
  }

  public JdbcLogins logins() {
    return logins;
  }

  public List<ProvisionedMailbox> mailboxes() {
    return mailboxes;
  }

  public MasterMailServer server() {
    return server;
  }

  /** Blocks until the JVM shuts down (Ctrl-C), then closes everything. */
  public void awaitShutdown() throws InterruptedException {
    awaitShutdown(this);
  }

  /** Blocks until the JVM shuts down (Ctrl-C), and closes {@code whole} on the way out. */
  public static void awaitShutdown(AutoCloseable whole) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        whole.close();
      } catch (Exception e) {
        LOG.warn("closing failed on shutdown", e);
      } finally {
        closed.countDown();
      }
    }, "mastermail-shutdown"));
    closed.await();
  }

  @Override
  public synchronized void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", opened.get(i), e);
      }
    }
    opened.clear();
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private <T extends AutoCloseable> T remember(T resource) {
    opened.add(resource);
    return resource;
  }

  /** Configures a {@link ServerNode}. */
  public static final class Builder {
    private final ServerConfig config;
    private ServerSettings settings = ServerSettings.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private PasswordHasher passwords = PasswordHasher.DEFAULT;
    private boolean fetchFirst;
    private Runnable beforeFirstFetch = () -> { };
    private Duration pollInterval = SourceScheduler.DEFAULT_POLL_INTERVAL;
    private final List<EventListener> listeners = new ArrayList<>();

    private Builder(ServerConfig config) {
      this.config = requireNonNull(config, "config");
    }

    public Builder settings(ServerSettings value) {
      this.settings = requireNonNull(value, "settings");
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    public Builder passwords(PasswordHasher value) {
      this.passwords = requireNonNull(value, "passwords");
      return this;
    }

    /** Whether to fetch every source once before the server listens (the demo does: its mail is there at once). */
    public Builder fetchFirst(boolean value) {
      this.fetchFirst = value;
      return this;
    }

    /**
     * Runs before the fetch of {@link #fetchFirst(boolean)}, after the database and provisioning: the demo finishes
     * filling its mail server there, on another thread meanwhile.
     */
    public Builder beforeFirstFetch(Runnable value) {
      this.beforeFirstFetch = requireNonNull(value, "beforeFirstFetch");
      return this;
    }

    /** How often sources without IDLE are polled. */
    public Builder pollInterval(Duration value) {
      this.pollInterval = requireNonNull(value, "pollInterval");
      return this;
    }

    /** Hears of every committed change (webhooks, a CRM's activity stream, tests awaiting mail). */
    public Builder listener(EventListener value) {
      listeners.add(requireNonNull(value, "listener"));
      return this;
    }

    /** Starts everything; on a failure, what was started is stopped again. */
    public ServerNode start() {
      ServerNode node = new ServerNode();
      try {
        node.start(this);
        return node;
      } catch (RuntimeException e) {
        node.close();
        throw e;
      }
    }
  }
}
