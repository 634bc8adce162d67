package org.mastermail.imap;

import java.io.InputStream;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.IngestResult;
import org.mastermail.intake.SourceItem;
import org.mastermail.intake.SyncContext;

/** Passes everything on; tests override what they want to break. */
class DelegatingContext implements SyncContext {
  private final SyncContext delegate;

  DelegatingContext(SyncContext delegate) {
    this.delegate = delegate;
  }

  @Override
  public FolderState folder(String folder) {
    return delegate.folder(folder);
  }

  @Override
  public FolderState begin(String folder, long uidValidity) {
    return delegate.begin(folder, uidValidity);
  }

  @Override
  public boolean known(String folder, String key) {
    return delegate.known(folder, key);
  }

  @Override
  public IngestResult deliver(InputStream raw, SourceItem item) {
    return delegate.deliver(raw, item);
  }

  @Override
  public void acknowledged(String folder, long uid) {
    delegate.acknowledged(folder, uid);
  }

  @Override
  public void halt(String folder, String reason) {
    delegate.halt(folder, reason);
  }

  @Override
  public boolean holdsLease() {
    return delegate.holdsLease();
  }
}
