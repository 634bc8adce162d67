package org.mastermail.internal;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.function.BooleanSupplier;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.Intake;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.MailSource;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;

/** A {@link SyncContext} over an {@link Intake}, scoped to one source, refusing to deliver once the lease is lost. */
public final class LeasedContext implements SyncContext {
  private final Intake intake;
  private final MailSource source;
  private final BooleanSupplier holdsLease;

  public LeasedContext(Intake intake, MailSource source, BooleanSupplier holdsLease) {
    this.intake = requireNonNull(intake, "intake");
    this.source = requireNonNull(source, "source");
    this.holdsLease = requireNonNull(holdsLease, "holdsLease");
  }

  @Override
  public FolderState folder(String folder) {
    return intake.folder(source.tenant(), source.id(), folder);
  }

  @Override
  public FolderState begin(String folder, long uidValidity) {
    return intake.begin(source.tenant(), source.id(), folder, uidValidity);
  }

  @Override
  public boolean known(String folder, String key) {
    return intake.known(source.tenant(), source.id(), folder, key);
  }

  @Override
  public IngestResult deliver(InputStream raw, SourceItem item) {
    if (!item.source().equals(source.id())) {
      throw new IllegalArgumentException("source " + source.id() + " delivered an item of " + item.source());
    }
    return intake.ingest(source.tenant(), source.mailbox(), raw, item);
  }

  @Override
  public void acknowledged(String folder, long uid) {
    intake.acknowledged(source.tenant(), source.id(), folder, uid);
  }

  @Override
  public void halt(String folder, String reason) {
    intake.halt(source.tenant(), source.id(), folder, reason);
  }

  @Override
  public boolean holdsLease() {
    return holdsLease.getAsBoolean();
  }
}
