package org.mastermail.intake;

import java.io.InputStream;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * Archives incoming mail exactly once. Sources and importers call it; hosts may too (a message from a web form, an API
 * upload):
 *
 * <pre>{@code
 * IngestResult r = mm.intake().ingest(tenant, info.id(), rawStream, null);
 * }</pre>
 *
 * <p>One ingest streams the raw bytes to a temporary file, stores them as a single-instance skeleton with
 * deduplicated part bodies in the {@link org.mastermail.blob.BlobStore}, parses them leniently, threads the message
 * into a conversation, and then writes message, conversation, events and the source position in one transaction. A
 * message that cannot be parsed is still archived, with its problems recorded.
 */
public interface Intake {
  /**
   * Archives {@code raw} (read to its end, not closed) into {@code mailbox}. With an {@code item}, the item is
   * recorded in the same transaction and a second ingest of it is a {@link IngestResult.Outcome#DUPLICATE}.
   *
   * @throws org.mastermail.NotFoundException when the mailbox does not exist in the tenant
   */
  IngestResult ingest(TenantId tenant, MailboxId mailbox, InputStream raw, @Nullable SourceItem item);

  /** The folder's sync state ({@link FolderState#fresh} when never synced). */
  FolderState folder(TenantId tenant, SourceId source, String folder);

  /** Whether {@code key} of the folder was handled already (POP3 uses it to skip known UIDLs). */
  boolean known(TenantId tenant, SourceId source, String folder, String key);

  /**
   * Records the folder's UIDVALIDITY on its first sync. A folder that had another UIDVALIDITY is halted instead (its
   * UIDs now mean other messages); returns the resulting state.
   */
  FolderState begin(TenantId tenant, SourceId source, String folder, long uidValidity);

  /** Records that the server acknowledged everything up to {@code uid} (after commit only). */
  void acknowledged(TenantId tenant, SourceId source, String folder, long uid);

  /** Halts the folder with a reason an admin will read; a {@code SOURCE_HALTED} event says so. */
  void halt(TenantId tenant, SourceId source, String folder, String reason);

  /**
   * Resumes a halted folder from the start of its current UIDVALIDITY (an operator decision, permission
   * MANAGE_MAILBOXES); content hashes keep messages archived before from being archived twice.
   */
  void resume(TenantId tenant, SourceId source, String folder, Actor actor);

  /**
   * Takes or renews the lease of a source for {@code holder} (a node) until now + {@code ttl}; false while another
   * holder's lease runs. Several nodes over one database use it so that exactly one fetches a source at a time.
   */
  boolean lease(TenantId tenant, SourceId source, String holder, Duration ttl);

  /** Gives the lease up so another node may take it at once. */
  void release(TenantId tenant, SourceId source, String holder);
}
