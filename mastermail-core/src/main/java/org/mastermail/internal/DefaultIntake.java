package org.mastermail.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobStore;
import org.mastermail.event.EventType;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.Intake;
import org.mastermail.intake.IntakeSettings;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.internal.mime.SingleInstanceStore;
import org.mastermail.internal.parse.KnownBodies;
import org.mastermail.internal.parse.MessageParser;
import org.mastermail.internal.parse.ParseLimits;
import org.mastermail.internal.parse.ParsedMessage;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Permission;
import org.mastermail.rule.Router;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.tenant.TenantId;

/**
 * The engine behind {@link Intake}: spool, single-instance store and parse outside any transaction, then archive in
 * one (see {@link Archiving}).
 */
public final class DefaultIntake implements Intake {
  private final Engine engine;
  private final IntakeSettings settings;
  private final BlobStore blobStore;
  private final SingleInstanceStore blobs;
  private final MessageParser parser = new MessageParser(ParseLimits.DEFAULTS);
  private final Router router;
  private final @Nullable SystemMailer mailer;

  public DefaultIntake(Engine engine, BlobStore blobStore, IntakeSettings settings, Router router) {
    this(engine, blobStore, settings, router, null);
  }

  /** @param mailer queues the mail a router asks for (automatic replies), or null to send none */
  public DefaultIntake(Engine engine, BlobStore blobStore, IntakeSettings settings, Router router,
      @Nullable SystemMailer mailer) {
    this.mailer = mailer;
    this.engine = requireNonNull(engine, "engine");
    this.router = requireNonNull(router, "router");
    this.settings = requireNonNull(settings, "settings");
    this.blobStore = requireNonNull(blobStore, "blobStore");
    this.blobs = new SingleInstanceStore(blobStore,
        SingleInstanceStore.DEFAULT_MIN_EXTRACT_BYTES);
  }

  @Override
  public IngestResult ingest(TenantId tenant, MailboxId mailbox, InputStream raw, @Nullable SourceItem item) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(raw, "raw");
    // A source item already archived is answered without reading its bytes; without an item there is nothing to look
    // up, and the archiving transaction checks the mailbox anyway (a round trip saved per message).
    if (item != null && knownItem(tenant, mailbox, item)) {
      return new IngestResult(IngestResult.Outcome.DUPLICATE, null, null, List.of());
    }
    try (RawSpool spool = RawSpool.copy(raw, settings.maxMessageBytes(), settings.tempDirectory())) {
      if (!spool.complete()) {
        return retryingDuplicates(() -> engine.write(w -> Archiving.rejectTooLarge(w, tenant, mailbox, item,
            settings.maxMessageBytes())));
      }
      SingleInstanceStore.Archived archived;
      try (InputStream in = spool.open()) {
        archived = blobs.storeHoldingSmallBlobs(in, spool::read);
      }
      ParsedMessage parsed;
      try (InputStream in = spool.open()) {
        parsed = parser.parse(in, knownBodies(archived, spool));
      }
      return retryingDuplicates(() -> engine.write(w -> Archiving.archive(w, tenant, mailbox, item, archived, parsed,
          blobStore, router, mailer)));
    } catch (IOException e) {
      throw new MasterMailException("cannot read the message to archive into mailbox " + mailbox + ": "
          + e.getMessage(), e);
    }
  }

  /** The base64 bodies the store has just decoded and hashed, which the parser then need not decode again. */
  private static KnownBodies knownBodies(SingleInstanceStore.Archived archived, RawSpool spool) {
    List<KnownBodies.Body> bodies = archived.base64Bodies().stream()
        .map(b -> new KnownBodies.Body(b.offset(), b.length(), b.decodedSize(), b.blob().sha256())).toList();
    return bodies.isEmpty() ? KnownBodies.NONE : new KnownBodies() {
      @Override
      public List<Body> bodies() {
        return bodies;
      }

      @Override
      public int read(long position, byte[] b, int off, int len) throws IOException {
        return spool.read(position, b, off, len);
      }
    };
  }

  private boolean knownItem(TenantId tenant, MailboxId mailbox, SourceItem item) {
    return engine.storage().read(s -> {
      if (s.mailboxes().find(tenant, mailbox).isEmpty()) {
        throw new NotFoundException("mailbox " + mailbox + " not found in tenant " + tenant);
      }
      return s.sources().known(tenant, item.source(), item.folder(), item.key());
    });
  }

  /**
   * A unique key met while archiving means another node archived the same item or bytes at the same moment; the second
   * attempt then finds it and answers DUPLICATE.
   */
  private static IngestResult retryingDuplicates(java.util.function.Supplier<IngestResult> attempt) {
    try {
      return attempt.get();
    } catch (DuplicateKeyException first) {
      return attempt.get();
    }
  }

  @Override
  public FolderState folder(TenantId tenant, SourceId source, String folder) {
    return engine.storage().read(s -> s.sources().folder(tenant, source, folder));
  }

  @Override
  public boolean known(TenantId tenant, SourceId source, String folder, String key) {
    return engine.storage().read(s -> s.sources().known(tenant, source, folder, key));
  }

  @Override
  public FolderState begin(TenantId tenant, SourceId source, String folder, long uidValidity) {
    if (uidValidity <= 0) {
      throw new InvalidInputException("UIDVALIDITY is positive, was " + uidValidity);
    }
    try {
      return beginOnce(tenant, source, folder, uidValidity);
    } catch (DuplicateKeyException e) {
      return beginOnce(tenant, source, folder, uidValidity); // another node recorded the folder at the same moment
    }
  }

  private FolderState beginOnce(TenantId tenant, SourceId source, String folder, long uidValidity) {
    return engine.write(w -> {
      FolderState state = w.s().sources().folder(tenant, source, folder);
      if (state.uidValidity() == uidValidity || state.halted()) {
        return state;
      }
      if (state.uidValidity() == 0) {
        FolderState started = new FolderState(source, folder, uidValidity, 0, 0, null);
        w.s().sources().saveFolder(tenant, started);
        return started;
      }
      String reason = "UIDVALIDITY of " + source + "/" + folder + " changed from " + state.uidValidity() + " to "
          + uidValidity + ": its UIDs now name other messages; an admin must resume it (messages archived before are"
          + " recognised by their content and not archived twice)";
      FolderState halted = new FolderState(source, folder, state.uidValidity(), state.lastUid(),
          state.acknowledgedUid(), reason);
      w.s().sources().saveFolder(tenant, halted);
      w.event(tenant, EventType.SOURCE_HALTED, null, null, source + "/" + folder, reason, 0);
      return halted;
    });
  }

  @Override
  public void acknowledged(TenantId tenant, SourceId source, String folder, long uid) {
    engine.write(w -> {
      w.s().sources().acknowledge(tenant, source, folder, uid);
      return null;
    });
  }

  @Override
  public void halt(TenantId tenant, SourceId source, String folder, String reason) {
    requireNonNull(reason, "reason");
    engine.write(w -> {
      FolderState state = w.s().sources().folder(tenant, source, folder);
      w.s().sources().saveFolder(tenant, new FolderState(source, folder, state.uidValidity(), state.lastUid(),
          state.acknowledgedUid(), reason));
      w.event(tenant, EventType.SOURCE_HALTED, null, null, source + "/" + folder, reason, 0);
      return null;
    });
  }

  @Override
  public void resume(TenantId tenant, SourceId source, String folder, Actor actor) {
    engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "resume a halted source");
      FolderState state = w.s().sources().folder(tenant, source, folder);
      if (!state.halted()) {
        throw new InvalidInputException("folder " + folder + " of source " + source + " is not halted");
      }
      // UIDVALIDITY 0: the next sync records the folder's current one and starts from its first message
      w.s().sources().saveFolder(tenant, FolderState.fresh(source, folder));
      w.event(tenant, EventType.SOURCE_RESUMED, null, actor.user(), state.haltedReason(), source + "/" + folder, 0);
      return null;
    });
  }

  @Override
  public boolean lease(TenantId tenant, SourceId source, String holder, Duration ttl) {
    requireNonNull(holder, "holder");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new InvalidInputException("a lease lasts a positive time, was " + ttl);
    }
    try {
      return engine.write(w -> w.s().sources().lease(tenant, source, holder, w.now(), w.now().plus(ttl)));
    } catch (DuplicateKeyException e) {
      return false; // another node created the lease at the same moment
    }
  }

  @Override
  public void release(TenantId tenant, SourceId source, String holder) {
    engine.write(w -> {
      w.s().sources().release(tenant, source, holder);
      return null;
    });
  }
}
