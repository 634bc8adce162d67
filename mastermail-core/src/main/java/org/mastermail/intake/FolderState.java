package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far a folder of a source has been archived and acknowledged.
 *
 * @param uidValidity the UIDVALIDITY the positions belong to; 0 before the first sync
 * @param lastUid the highest UID archived (IMAP); messages above it are new
 * @param acknowledgedUid the highest UID acknowledged to the server (seen flag, move); between it and {@code lastUid}
 *     lie archived messages whose acknowledgement a crash interrupted, to be acknowledged again
 * @param haltedReason why the folder is halted (for example a changed UIDVALIDITY), or null when it syncs
 */
public record FolderState(SourceId source, String folder, long uidValidity, long lastUid, long acknowledgedUid,
    @Nullable String haltedReason) {
  public FolderState {
    requireNonNull(source, "source");
    requireNonNull(folder, "folder");
  }

  /** The state of a folder never synced. */
  public static FolderState fresh(SourceId source, String folder) {
    return new FolderState(source, folder, 0, 0, 0, null);
  }

  public boolean halted() {
    return haltedReason != null;
  }

  public Optional<String> halt() {
    return Optional.ofNullable(haltedReason);
  }
}
