package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.SourceId;
import org.mastermail.intake.SourceItem;
import org.mastermail.message.MessageId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.SourceRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Lease;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemorySources implements SourceRepository {
  private final MemorySession tx;

  MemorySources(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public FolderState folder(TenantId tenant, SourceId source, String folder) {
    return tx.folders.get(new Scoped<>(requireNonNull(tenant, "tenant"), Keys.join(source.value(), folder)))
        .orElse(FolderState.fresh(source, folder));
  }

  @Override
  public void saveFolder(TenantId tenant, FolderState state) {
    tx.folders.put(new Scoped<>(requireNonNull(tenant, "tenant"), Keys.join(state.source().value(), state.folder())),
        state);
  }

  @Override
  public void advance(TenantId tenant, SourceId source, String folder, long uidValidity, long uid) {
    FolderState s = folder(tenant, source, folder);
    if (tx.folders.contains(new Scoped<>(tenant, Keys.join(source.value(), folder))) && s.uidValidity() == uidValidity
        && s.lastUid() < uid) {
      saveFolder(tenant, new FolderState(source, folder, uidValidity, uid, s.acknowledgedUid(), s.haltedReason()));
    }
  }

  @Override
  public void acknowledge(TenantId tenant, SourceId source, String folder, long uid) {
    FolderState s = folder(tenant, source, folder);
    if (tx.folders.contains(new Scoped<>(tenant, Keys.join(source.value(), folder))) && s.acknowledgedUid() < uid) {
      saveFolder(tenant, new FolderState(source, folder, s.uidValidity(), s.lastUid(), uid, s.haltedReason()));
    }
  }

  @Override
  public boolean known(TenantId tenant, SourceId source, String folder, String key) {
    return tx.items.contains(new Scoped<>(requireNonNull(tenant, "tenant"), Keys.join(source.value(), folder, key)));
  }

  @Override
  public void record(TenantId tenant, SourceItem item, @Nullable MessageId message) {
    Scoped<String> key = new Scoped<>(requireNonNull(tenant, "tenant"),
        Keys.join(item.source().value(), item.folder(), item.key()));
    if (tx.items.contains(key)) {
      throw new DuplicateKeyException("item " + item.key() + " of " + item.source() + "/" + item.folder()
          + " was recorded before", null);
    }
    tx.items.put(key, Optional.ofNullable(message));
  }

  @Override
  public boolean lease(TenantId tenant, SourceId source, String holder, Instant now, Instant until) {
    Scoped<SourceId> key = new Scoped<>(requireNonNull(tenant, "tenant"), source);
    Optional<Lease> current = tx.leases.get(key);
    if (current.isPresent() && !current.get().holder().equals(holder) && current.get().until().isAfter(now)) {
      return false;
    }
    tx.leases.put(key, new Lease(holder, until));
    return true;
  }

  @Override
  public void release(TenantId tenant, SourceId source, String holder) {
    Scoped<SourceId> key = new Scoped<>(requireNonNull(tenant, "tenant"), source);
    if (tx.leases.get(key).filter(l -> l.holder().equals(holder)).isPresent()) {
      tx.leases.remove(key);
    }
  }
}
