package org.mastermail.imap;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mastermail.MasterMail;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/** What a scheduler would hand a source: {@code mm.intake()} scoped to it; remembers what was delivered. */
final class IntakeContext implements SyncContext {
  final MasterMail mm;
  final TenantId tenant;
  final SourceId source;
  final MailboxId mailbox;
  private final BooleanSupplier lease;
  final List<SourceItem> items = Collections.synchronizedList(new ArrayList<>());
  final List<IngestResult> results = Collections.synchronizedList(new ArrayList<>());

  IntakeContext(MasterMail mm, TenantId tenant, SourceId source, MailboxId mailbox) {
    this(mm, tenant, source, mailbox, () -> true);
  }

  IntakeContext(MasterMail mm, TenantId tenant, SourceId source, MailboxId mailbox, BooleanSupplier lease) {
    this.mm = mm;
    this.tenant = tenant;
    this.source = source;
    this.mailbox = mailbox;
    this.lease = lease;
  }

  @Override
  public FolderState folder(String folder) {
    return mm.intake().folder(tenant, source, folder);
  }

  @Override
  public FolderState begin(String folder, long uidValidity) {
    return mm.intake().begin(tenant, source, folder, uidValidity);
  }

  @Override
  public boolean known(String folder, String key) {
    return mm.intake().known(tenant, source, folder, key);
  }

  @Override
  public IngestResult deliver(InputStream raw, SourceItem item) {
    IngestResult r = mm.intake().ingest(tenant, mailbox, raw, item);
    items.add(item);
    results.add(r);
    return r;
  }

  @Override
  public void acknowledged(String folder, long uid) {
    mm.intake().acknowledged(tenant, source, folder, uid);
  }

  @Override
  public void halt(String folder, String reason) {
    mm.intake().halt(tenant, source, folder, reason);
  }

  @Override
  public boolean holdsLease() {
    return lease.getAsBoolean();
  }

  long archivedCount() {
    synchronized (results) { // a synchronized list is iterated under its own lock, as the syncing thread adds to it
      return results.stream().filter(r -> r.outcome() == IngestResult.Outcome.ARCHIVED).count();
    }
  }

  List<Long> deliveredUids() {
    synchronized (items) {
      return items.stream().map(SourceItem::uid).toList();
    }
  }
}
