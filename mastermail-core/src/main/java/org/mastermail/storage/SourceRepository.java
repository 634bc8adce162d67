package org.mastermail.storage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.message.MessageId;
import org.mastermail.tenant.TenantId;

/** Sync state of mail sources: folder positions, handled items and leases. */
public interface SourceRepository {
  /** The stored state of a folder, or {@link FolderState#fresh} when none is stored. */
  FolderState folder(TenantId tenant, SourceId source, String folder);

  /** Stores the state of a folder, replacing the previous one. */
  void saveFolder(TenantId tenant, FolderState state);

  /**
   * Moves the folder's {@code lastUid} up to {@code uid} if its UIDVALIDITY is {@code uidValidity} and it is lower;
   * touches nothing else, so concurrent acknowledgements are not overwritten.
   */
  void advance(TenantId tenant, SourceId source, String folder, long uidValidity, long uid);

  /** Moves the folder's {@code acknowledgedUid} up to {@code uid} if it is lower; touches nothing else. */
  void acknowledge(TenantId tenant, SourceId source, String folder, long uid);

  /** Whether the item with {@code key} was recorded. */
  boolean known(TenantId tenant, SourceId source, String folder, String key);

  /**
   * Records a handled item with the message it became (null when it was not archived, for example too large).
   *
   * @throws DuplicateKeyException when the item was recorded before
   */
  void record(TenantId tenant, SourceItem item, @Nullable MessageId message);

  /**
   * Gives the source's lease to {@code holder} until {@code until} if nobody else holds an unexpired one at {@code now};
   * returns whether {@code holder} holds it now.
   */
  boolean lease(TenantId tenant, SourceId source, String holder, Instant now, Instant until);

  /** Ends {@code holder}'s lease of the source, if it holds it. */
  void release(TenantId tenant, SourceId source, String holder);
}
