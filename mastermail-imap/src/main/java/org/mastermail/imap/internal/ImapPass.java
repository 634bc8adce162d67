package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one IMAP folder: record its UIDVALIDITY, acknowledge again what a crash left archived but not
 * acknowledged, then archive every message above the folder's position in UID order and acknowledge each batch after
 * its commits.
 *
 * <p>Failure policy. The position moves only forward, to the highest UID archived, so a message that fails may not be
 * passed over: the pass stops at it and later messages wait for the next sync. A lost connection ends the sync with
 * its exception. A message that fails while the connection is fine (the server refuses to send it, or storing it
 * fails) is tried again by the next sync; after {@code maxAttempts} failures in a row a placeholder saying so is
 * archived under its UID instead, the original is left on the server unacknowledged, and fetching goes on. A message
 * expunged by someone else while it is fetched is skipped: there is nothing left to archive.
 */
public final class ImapPass {
  private static final Logger log = LoggerFactory.getLogger(ImapPass.class);

  /** What a pass did. */
  public record Summary(int archived, int duplicates, int rejected, int placeholders, int gone,
      @Nullable String halted, boolean leaseLost) {}

  private final SyncContext ctx;
  private final ImapConnection connection;
  private final IMAPFolder folder;
  private final Acknowledger acknowledger;
  private final boolean writes;
  private final Failures failures;
  private final SourceId source;
  private final int batchSize;
  private final int maxAttempts;
  private final Clock clock;
  private final String name;
  private final String folderName;

  private final List<Message> toAcknowledge = new ArrayList<>();
  private long handledUpTo;
  private long acknowledgedUpTo;
  private int archived;
  private int duplicates;
  private int rejected;
  private int placeholders;
  private int gone;

  public ImapPass(SyncContext ctx, ImapConnection connection, IMAPFolder folder, Acknowledger acknowledger,
      boolean writes, Failures failures, SourceId source, int batchSize, int maxAttempts, Clock clock, String name) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.connection = requireNonNull(connection, "connection");
    this.folder = requireNonNull(folder, "folder");
    this.acknowledger = requireNonNull(acknowledger, "acknowledger");
    this.writes = writes;
    this.failures = requireNonNull(failures, "failures");
    this.source = requireNonNull(source, "source");
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.clock = requireNonNull(clock, "clock");
    this.name = requireNonNull(name, "name");
    this.folderName = connection.folderName();
  }

  public Summary run() throws MessagingException {
    long validity = folder.getUIDValidity();
    FolderState state = ctx.begin(folderName, validity);
    if (state.halted()) {
      return summary(state.haltedReason(), false);
    }
    reacknowledge(state);
    List<Message> fresh = above(state.lastUid());
    handledUpTo = state.lastUid();
    acknowledgedUpTo = Math.max(state.lastUid(), state.acknowledgedUid());
    @Nullable Throwable failure = null;
    try {
      for (int i = 0; i < fresh.size(); i++) {
        if (i > 0 && i % batchSize == 0) {
          flush();
          String halted = validityChanged(validity);
          if (halted != null) {
            return summary(halted, false);
          }
        }
        if (!ctx.holdsLease()) {
          log.info("{}: the lease is lost; stopping after UID {}", name, handledUpTo);
          return summary(null, true);
        }
        archive(fresh.get(i), validity);
      }
      String halted = fresh.isEmpty() ? null : validityChanged(validity);
      return summary(halted, false);
    } catch (MessagingException | RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      try {
        flush();
      } catch (MessagingException | RuntimeException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
  }

  /** Messages in (acknowledgedUid, lastUid] were archived but a crash or disconnect kept them from being acknowledged. */
  private void reacknowledge(FolderState state) throws MessagingException {
    long from = state.acknowledgedUid();
    long to = state.lastUid();
    if (from >= to) {
      return;
    }
    List<Message> again = new ArrayList<>();
    if (writes) {
      for (Message m : folder.getMessagesByUID(from + 1, to)) {
        long uid = folder.getUID(m);
        if (uid > from && uid <= to) {
          again.add(m);
        }
      }
      acknowledger.acknowledge(folder, again, connection.capabilities());
    }
    ctx.acknowledged(folderName, to);
    log.info("{}: acknowledged {} messages (UIDs {} to {}) archived before an interruption", name, again.size(),
        from + 1, to);
  }

  /**
   * The messages above {@code last} in UID order. {@code UID FETCH n:*} names the folder's last message even when its
   * UID is below n, so the UIDs are filtered; an empty folder yields nothing.
   */
  private List<Message> above(long last) throws MessagingException {
    List<Message> found = new ArrayList<>();
    for (Message m : folder.getMessagesByUID(last + 1, UIDFolder.MAXUID)) {
      if (m != null && folder.getUID(m) > last) {
        found.add(m);
      }
    }
    found.sort(Comparator.comparingLong(this::uid));
    return found;
  }

  private long uid(Message m) {
    try {
      return folder.getUID(m);
    } catch (MessagingException e) {
      throw new MasterMailException("UID of a fetched message missing", e);
    }
  }

  private void archive(Message m, long validity) throws MessagingException {
    long uid = folder.getUID(m);
    SourceItem item = SourceItem.imap(source, folderName, validity, uid);
    IngestResult result;
    @Nullable InputStream in = null;
    try {
      // streamed in blocks of the fetch size with BODY.PEEK: \Seen stays as it was, the heap holds one block
      in = ((IMAPMessage) m).getMimeStream();
      result = ctx.deliver(in, item);
    } catch (MessagingException | RuntimeException e) {
      failed(item, e);
      return;
    } finally {
      closeQuietly(in);
    }
    failures.succeeded(item.key());
    handledUpTo = uid;
    switch (result.outcome()) {
      case ARCHIVED -> {
        archived++;
        toAcknowledge.add(m);
      }
      case DUPLICATE -> {
        duplicates++;
        toAcknowledge.add(m);
      }
      case TOO_LARGE -> rejected++; // an event names it; it stays on the server as it is, for people to see
    }
  }

  private void failed(SourceItem item, Exception e) throws MessagingException {
    if (Failures.messageGone(e)) {
      gone++;
      log.info("{}: message UID {} was expunged by someone else while it was fetched; nothing to archive", name,
          item.uid());
      return;
    }
    if (Failures.connectionLost(e) || !connection.alive()) {
      throw e instanceof MessagingException me ? me : new MessagingException("connection lost while fetching UID "
          + item.uid(), e);
    }
    int attempts = failures.failed(item.key());
    if (attempts < maxAttempts) {
      throw new MasterMailException(name + ": message UID " + item.uid() + " could not be archived (attempt "
          + attempts + " of " + maxAttempts + "); the sync stops at it and later messages wait for the next one: "
          + e.getMessage(), e);
    }
    log.error("{}: message UID {} failed {} times; archiving a placeholder in its place and leaving it on the server",
        name, item.uid(), attempts, e);
    byte[] placeholder = Placeholder.raw(item, attempts, e, ZonedDateTime.now(clock));
    ctx.deliver(new ByteArrayInputStream(placeholder), item);
    failures.succeeded(item.key());
    placeholders++;
    handledUpTo = item.uid();
  }

  /** Acknowledges what was archived since the last flush: first on the server, then in the folder's state. */
  private void flush() throws MessagingException {
    if (!toAcknowledge.isEmpty()) {
      // a failure here must keep the state from recording them: the next sync acknowledges them again
      acknowledger.acknowledge(folder, List.copyOf(toAcknowledge), connection.capabilities());
      toAcknowledge.clear();
    }
    if (handledUpTo > acknowledgedUpTo) {
      ctx.acknowledged(folderName, handledUpTo);
      acknowledgedUpTo = handledUpTo;
    }
  }

  /** A changed UIDVALIDITY halts the folder (its UIDs now name other messages); returns the reason, or null. */
  private @Nullable String validityChanged(long validity) throws MessagingException {
    long now = connection.statusUidValidity();
    if (now == validity) {
      return null;
    }
    toAcknowledge.clear(); // their UIDs no longer mean those messages; their state range is acknowledged again later
    FolderState state = ctx.begin(folderName, now);
    return state.halted() ? state.haltedReason() : "UIDVALIDITY changed from " + validity + " to " + now;
  }

  private Summary summary(@Nullable String halted, boolean leaseLost) {
    return new Summary(archived, duplicates, rejected, placeholders, gone, halted, leaseLost);
  }

  private static void closeQuietly(@Nullable InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // the message is archived or has failed already; a failing close changes neither
      }
    }
  }
}
