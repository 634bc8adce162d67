package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Set;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 session's work: archive each message whose UIDL the source has not handled, and mark archived ones deleted
 * when the source deletes. A failing message does not stop the others (POP3 has no position to keep in order).
 */
public final class Pop3Pass {
  private static final Logger log = LoggerFactory.getLogger(Pop3Pass.class);
  private static final String FOLDER = "INBOX";

  /** What a session did; {@code failure} is the first message failure, if any. */
  public record Summary(int archived, int placeholders, int deleted, int failed, @Nullable Exception failure) {}

  private final SyncContext ctx;
  private final POP3Folder folder;
  private final SourceId source;
  private final boolean delete;
  private final Set<String> undeleted;
  private final Failures failures;
  private final int maxAttempts;
  private final Clock clock;
  private final String name;
  private int archived;
  private int placeholders;
  private int deleted;
  private int failed;
  private @Nullable Exception firstFailure;

  /**
   * @param undeleted UIDLs this source archived and marked deleted in a session that broke before QUIT; updated
   */
  public Pop3Pass(SyncContext ctx, POP3Folder folder, SourceId source, boolean delete, Set<String> undeleted,
      Failures failures, int maxAttempts, Clock clock, String name) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.folder = requireNonNull(folder, "folder");
    this.source = requireNonNull(source, "source");
    this.delete = delete;
    this.undeleted = requireNonNull(undeleted, "undeleted");
    this.failures = requireNonNull(failures, "failures");
    this.maxAttempts = maxAttempts;
    this.clock = requireNonNull(clock, "clock");
    this.name = requireNonNull(name, "name");
  }

  public Summary run(Message[] messages) throws MessagingException {
    for (Message m : messages) {
      if (!ctx.holdsLease()) {
        log.info("{}: the lease is lost; stopping", name);
        break;
      }
      String uidl = folder.getUID(m);
      if (uidl == null) {
        throw new MessagingException("the server gave no UIDL for message " + m.getMessageNumber() + ": without it"
            + " messages cannot be told apart between sessions");
      }
      SourceItem item = SourceItem.pop3(source, uidl);
      if (ctx.known(FOLDER, item.key())) {
        if (delete && undeleted.contains(uidl)) {
          markDeleted(m, uidl);
        }
        continue;
      }
      archive((POP3Message) m, item, uidl);
    }
    return new Summary(archived, placeholders, deleted, failed, firstFailure);
  }

  private void archive(POP3Message m, SourceItem item, String uidl) throws MessagingException {
    IngestResult result;
    @Nullable InputStream in = null;
    try {
      in = m.getMimeStream();
      result = ctx.deliver(in, item);
    } catch (MessagingException | RuntimeException e) {
      failed(item, uidl, e);
      return;
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          // archived or failed already
        }
      }
    }
    failures.succeeded(item.key());
    if (result.outcome() != IngestResult.Outcome.TOO_LARGE) {
      archived++;
      if (delete) {
        markDeleted(m, uidl);
      }
    }
  }

  private void failed(SourceItem item, String uidl, Exception e) throws MessagingException {
    if (Failures.connectionLost(e) || !folder.isOpen()) { // isOpen sends a NOOP
      throw e instanceof MessagingException me ? me : new MessagingException("connection lost while fetching " + uidl,
          e);
    }
    int attempts = failures.failed(item.key());
    if (attempts < maxAttempts) {
      failed++;
      log.warn("{}: message {} could not be archived (attempt {} of {}); trying the others", name, uidl, attempts,
          maxAttempts, e);
      if (firstFailure == null) {
        firstFailure = e instanceof MasterMailException ? e : new MasterMailException("message " + uidl + ": "
            + e.getMessage(), e);
      }
      return;
    }
    log.error("{}: message {} failed {} times; archiving a placeholder in its place and leaving it on the server",
        name, uidl, attempts, e);
    ctx.deliver(new ByteArrayInputStream(Placeholder.raw(item, attempts, e, ZonedDateTime.now(clock))), item);
    failures.succeeded(item.key());
    placeholders++; // the original is not marked deleted: people should see it on the server
  }

  private void markDeleted(Message m, String uidl) throws MessagingException {
    m.setFlags(new Flags(Flags.Flag.DELETED), true);
    undeleted.add(uidl);
    deleted++;
  }
}
