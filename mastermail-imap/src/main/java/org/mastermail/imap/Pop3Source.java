package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.mastermail.MasterMailException;
import org.mastermail.imap.internal.Failures;
import org.mastermail.imap.internal.MailProperties;
import org.mastermail.imap.internal.Pop3Pass;
import org.mastermail.intake.MailSource;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SyncContext;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POP3 account as a {@link MailSource}. Each {@link #sync} is one POP3 session: it lists the messages with their
 * unique ids (UIDL), skips those archived before without downloading them, and streams the others into the intake
 * (Angus spools each to a temporary file, so a large message never sits in the heap).
 *
 * <p>Nothing is deleted unless {@link Pop3Settings#deleteAfterArchive()} says so; then a message is marked deleted only
 * after its commit, and POP3 deletes it when the session ends. If the session breaks before that, the server keeps
 * the message; this source marks it again in its next session (one that restarted does not know it and leaves it,
 * archived, on the server). A message the intake rejects as too large is never deleted.
 *
 * <p>Messages have no order in POP3, so a message that fails does not stop the others; it is tried again by the next
 * syncs, and after {@value ImapSource#MAX_ATTEMPTS} failures in a row a placeholder is archived in its place (the
 * original stays on the server).
 */
public final class Pop3Source implements MailSource {
  /** POP3 has one folder. */
  public static final String FOLDER = "INBOX";

  private static final Logger log = LoggerFactory.getLogger(Pop3Source.class);

  private final SourceId id;
  private final TenantId tenant;
  private final MailboxId mailbox;
  private final Pop3Settings settings;
  private final String name;
  private final Session session;
  private final Failures failures = new Failures();
  /** Archived messages marked deleted whose session broke before QUIT; marked again in the next session. */
  private final Set<String> undeleted = new HashSet<>();
  private final Clock clock = Clock.systemUTC();

  public Pop3Source(SourceId id, TenantId tenant, MailboxId mailbox, Pop3Settings settings) {
    this.id = requireNonNull(id, "id");
    this.tenant = requireNonNull(tenant, "tenant");
    this.mailbox = requireNonNull(mailbox, "mailbox");
    this.settings = requireNonNull(settings, "settings");
    this.name = id + " (" + settings.username() + "@" + settings.host() + ")";
    MailProperties properties = MailProperties.of("pop3", settings.host(), settings.port(), settings.security(),
            settings.connectTimeout(), settings.readTimeout(), settings.writeTimeout(), settings.credentials().oauth2())
        // RETR into a temporary file instead of the heap; Angus removes it when the folder closes
        .set("filecache.enable", "true");
    this.session = Session.getInstance(properties.properties());
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

  public Pop3Settings settings() {
    return settings;
  }

  /**
   * One POP3 session: archives every message not archived before and, if configured, deletes the archived ones.
   *
   * @throws MasterMailException when the server cannot be reached or the session breaks, or when some messages failed
   *     (the others were archived)
   */
  @Override
  public void sync(SyncContext context) {
    requireNonNull(context, "context");
    Store store = null;
    POP3Folder folder = null;
    try {
      store = session.getStore("pop3");
      store.connect(settings.host(), settings.port(), settings.username(), settings.credentials().secret());
      folder = (POP3Folder) store.getFolder(FOLDER);
      folder.open(settings.deleteAfterArchive() ? Folder.READ_WRITE : Folder.READ_ONLY);
      Message[] messages = folder.getMessages();
      FetchProfile uids = new FetchProfile();
      uids.add(UIDFolder.FetchProfileItem.UID);
      folder.fetch(messages, uids); // one UIDL for all
      Pop3Pass.Summary summary = new Pop3Pass(context, folder, id, settings.deleteAfterArchive(), undeleted, failures,
          ImapSource.MAX_ATTEMPTS, clock, name).run(messages);
      boolean expunge = settings.deleteAfterArchive();
      quit(folder, expunge);
      folder = null;
      if (expunge) {
        undeleted.clear(); // QUIT went through: the server deleted them
      }
      if (summary.archived() + summary.placeholders() > 0 || summary.failed() > 0) {
        log.info("{}: archived {}, placeholders {}, deleted {}, failed {}", name, summary.archived(),
            summary.placeholders(), summary.deleted(), summary.failed());
      }
      if (summary.failure() != null) {
        throw new MasterMailException(name + ": " + summary.failed() + " messages could not be archived and will be"
            + " tried again; first: " + summary.failure().getMessage(), summary.failure());
      }
    } catch (MessagingException e) {
      throw new MasterMailException(name + ": the POP3 session failed: " + e.getMessage(), e);
    } finally {
      if (folder != null) {
        // a broken session: QUIT without deleting anything; what was marked is marked again next time
        try {
          if (folder.isOpen()) {
            folder.close(false);
          }
        } catch (MessagingException | RuntimeException e) {
          log.debug("{}: closing the broken session failed: {}", name, e.toString());
        }
      }
      if (store != null) {
        try {
          store.close();
        } catch (MessagingException e) {
          log.debug("{}: disconnecting failed: {}", name, e.toString());
        }
      }
    }
  }

  /**
   * Ends the session: with {@code expunge}, DELE for each message marked deleted, then QUIT. Angus closes a folder
   * whose connection failed on its own, and then the messages were not deleted: that must fail here, not pass.
   */
  private static void quit(POP3Folder folder, boolean expunge) throws MessagingException {
    try {
      folder.close(expunge);
    } catch (IllegalStateException e) {
      throw new MessagingException("the POP3 session broke before it ended", e);
    }
  }

  @Override
  public String toString() {
    return "Pop3Source[" + id + ", " + settings + "]";
  }
}
