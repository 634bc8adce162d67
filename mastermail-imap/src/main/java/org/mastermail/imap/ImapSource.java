package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.imap.internal.Acknowledger;
import org.mastermail.imap.internal.Failures;
import org.mastermail.imap.internal.IdleWaiter;
import org.mastermail.imap.internal.ImapConnection;
import org.mastermail.imap.internal.ImapPass;
import org.mastermail.imap.internal.MailProperties;
import org.mastermail.intake.MailSource;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SyncContext;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP folder as a {@link MailSource}: each {@link #sync} archives the messages above the folder's position, in UID
 * order, streamed with {@code BODY.PEEK} (so {@code \Seen} is never set by fetching), and only after each commit
 * acknowledges them as {@link ImapSettings#acknowledge()} says. {@link #awaitNews} waits with IDLE.
 *
 * <pre>{@code
 * ImapSource source = new ImapSource(SourceId.of("imap:info"), tenant, info.id(), settings);
 * source.sync(context);          // normally called by a scheduler holding the source's lease
 * source.awaitNews(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p><b>Exactly once.</b> The intake commits each message with the folder's position ({@code UIDVALIDITY:UID}), so a
 * crash or disconnect at any point leaves each message archived or not, never twice. Acknowledgement follows the
 * commit; what a crash left archived but unacknowledged (UIDs in {@code (acknowledgedUid, lastUid]}) is acknowledged at
 * the start of the next sync. A changed UIDVALIDITY halts the folder until an admin resumes it.
 *
 * <p><b>Failures.</b> The position only moves forward, so a sync stops at a message that fails and later ones wait. A
 * lost connection ends the sync with an exception, the next sync reconnects. A message that fails while the
 * connection is fine is tried by the next syncs; after {@value #MAX_ATTEMPTS} failures in a row a placeholder saying
 * so is archived in its place, the original stays on the server unacknowledged, and fetching goes on. Messages the
 * intake rejects as too large are left on the server unacknowledged too.
 *
 * <p>One thread calls {@link #sync} and {@link #awaitNews}; {@link #close} may be called from another.
 */
public final class ImapSource implements MailSource {
  /** Failures in a row after which a message is replaced by a placeholder. */
  public static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(ImapSource.class);

  private final SourceId id;
  private final TenantId tenant;
  private final MailboxId mailbox;
  private final ImapSettings settings;
  private final String name;
  private final ImapConnection connection;
  private final Acknowledger acknowledger;
  private final IdleWaiter idleWaiter;
  private final Failures failures = new Failures();
  private final Clock clock = Clock.systemUTC();
  /** The folder's message count after the last sync: a different count means news. -1 before the first sync. */
  private volatile int baseline = -1;
  private volatile @Nullable String loggedHalt;
  private volatile boolean warnedNoIdle;

  public ImapSource(SourceId id, TenantId tenant, MailboxId mailbox, ImapSettings settings) {
    this.id = requireNonNull(id, "id");
    this.tenant = requireNonNull(tenant, "tenant");
    this.mailbox = requireNonNull(mailbox, "mailbox");
    this.settings = requireNonNull(settings, "settings");
    this.name = id + " (" + settings.username() + "@" + settings.host() + "/" + settings.folder() + ")";
    MailProperties properties = MailProperties.of("imap", settings.host(), settings.port(), settings.security(),
            settings.connectTimeout(), settings.readTimeout(), settings.writeTimeout(), settings.credentials().oauth2())
        // stream bodies in large blocks: Angus' 16 KiB default is 14x slower, no partial fetch holds whole messages
        .set("partialfetch", "true")
        .set("fetchsize", Integer.toString(settings.fetchSize()))
        .set("peek", "true");
    Credentials credentials = settings.credentials();
    this.connection = new ImapConnection(properties, settings.host(), settings.port(), settings.username(),
        credentials::secret, settings.folder(), settings.acknowledge().writes(), name);
    this.acknowledger = new Acknowledger(settings.acknowledge(), name);
    this.idleWaiter = new IdleWaiter(id.value());
  }

  @Override
  public SourceId id() {
    return id;
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public MailboxId mailbox() {
    return mailbox;
  }

  public ImapSettings settings() {
    return settings;
  }

  /**
   * Archives what is new in the folder and acknowledges it.
   *
   * @throws MasterMailException when the server cannot be reached or the connection is lost (wrapping the
   *     {@link MessagingException}), or when a message failed (the sync stopped at it)
   */
  @Override
  public void sync(SyncContext context) {
    requireNonNull(context, "context");
    IMAPFolder folder = openOrThrow();
    ImapPass.Summary summary;
    try {
      summary = new ImapPass(context, connection, folder, acknowledger, settings.acknowledge().writes(), failures, id,
          settings.batchSize(), MAX_ATTEMPTS, clock, name).run();
      baseline = folder.getMessageCount();
    } catch (MessagingException e) {
      connection.close();
      throw new MasterMailException(name + ": the connection failed during the sync: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (Failures.connectionLost(e) || !connection.alive()) {
        connection.close();
      }
      throw e;
    }
    report(summary);
  }

  private IMAPFolder openOrThrow() {
    try {
      return connection.open();
    } catch (MessagingException | RuntimeException e) {
      connection.close();
      throw new MasterMailException(name + ": cannot open the folder: " + e.getMessage(), e);
    }
  }

  private void report(ImapPass.Summary s) {
    String halt = s.halted();
    if (halt != null) {
      if (!halt.equals(loggedHalt)) {
        log.warn("{}: halted, nothing is fetched until an admin resumes it: {}", name, halt);
        loggedHalt = halt;
      }
      connection.close(); // select afresh after a resume
      return;
    }
    loggedHalt = null;
    if (s.archived() + s.duplicates() + s.rejected() + s.placeholders() + s.gone() > 0) {
      log.info("{}: archived {}, already archived {}, too large {}, placeholders {}, expunged meanwhile {}{}", name,
          s.archived(), s.duplicates(), s.rejected(), s.placeholders(), s.gone(),
          s.leaseLost() ? "; stopped early: the lease is lost" : "");
    }
  }

  /**
   * Waits with IDLE until the folder changes, {@code maxWait} passes, or {@link ImapSettings#idleInterval()} passes,
   * whichever comes first; returns at once when mail arrived since the last sync. Without IDLE (switched off or not
   * offered by the server) it sleeps {@code maxWait}: polling. A failed connection ends the wait early; the next sync
   * reconnects and reports it.
   */
  @Override
  public void awaitNews(Duration maxWait) throws InterruptedException {
    requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero()) {
      return;
    }
    if (!settings.idle()) {
      Thread.sleep(maxWait.toMillis());
      return;
    }
    try {
      IMAPFolder folder = connection.open();
      if (!connection.capabilities().idle()) {
        if (!warnedNoIdle) {
          warnedNoIdle = true;
          log.warn("{}: the server does not offer IDLE; polling instead", name);
        }
        Thread.sleep(maxWait.toMillis());
        return;
      }
      int base = baseline >= 0 ? baseline : folder.getMessageCount();
      Duration wait = min(maxWait, settings.idleInterval());
      // renewed within half the read timeout: a silent dead connection then fails by the read timeout
      Duration slice = min(wait, settings.readTimeout().dividedBy(2));
      idleWaiter.await(folder, base, wait, slice);
    } catch (MessagingException | RuntimeException e) {
      log.info("{}: waiting for mail with IDLE failed ({}); the next sync connects again", name, e.toString());
      connection.close();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Disconnects; a later sync connects again. */
  @Override
  public void close() {
    idleWaiter.close();
    connection.close();
  }

  @Override
  public String toString() {
    return "ImapSource[" + id + ", " + settings + "]";
  }
}
