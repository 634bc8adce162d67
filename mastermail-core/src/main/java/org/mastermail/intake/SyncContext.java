package org.mastermail.intake;

import java.io.InputStream;
import java.util.function.BooleanSupplier;
import org.mastermail.internal.LeasedContext;

/** What a {@link MailSource} works with during one {@link MailSource#sync}: its intake, scoped to the source. */
public interface SyncContext {
  /** The folder's state; see {@link Intake#folder}. */
  FolderState folder(String folder);

  /** See {@link Intake#begin}. */
  FolderState begin(String folder, long uidValidity);

  /** See {@link Intake#known}. */
  boolean known(String folder, String key);

  /** Archives one message with its position; see {@link Intake#ingest}. */
  IngestResult deliver(InputStream raw, SourceItem item);

  /** See {@link Intake#acknowledged}. */
  void acknowledged(String folder, long uid);

  /** See {@link Intake#halt}. */
  void halt(String folder, String reason);

  /** Whether this node still holds the source's lease; a source stops early when it does not. */
  boolean holdsLease();

  /**
   * A context for {@code source} over {@code intake} (what {@link SourceScheduler} uses; also handy in tests and
   * for hosts running a source by hand).
   */
  static SyncContext of(Intake intake, MailSource source, BooleanSupplier holdsLease) {
    return new LeasedContext(intake, source, holdsLease);
  }
}
