package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.rule.StoredRules;
import org.mastermail.storage.RuleRepository;
import org.mastermail.storage.StateRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Scoped;

/** Rule sets, counters and stamps in memory. */
final class MemoryRules implements RuleRepository, StateRepository {
  private final MemorySession tx;

  MemoryRules(MemorySession tx) {
    this.tx = tx;
  }

  private static Scoped<String> key(TenantId tenant, @Nullable MailboxId mailbox) {
    return new Scoped<>(requireNonNull(tenant, "tenant"), mailbox == null ? "tenant" : mailbox.value().toString());
  }

  @Override
  public Optional<StoredRules> find(TenantId tenant, @Nullable MailboxId mailbox) {
    return tx.rules.get(key(tenant, mailbox));
  }

  @Override
  public List<StoredRules> list(TenantId tenant) {
    List<StoredRules> all = tx.rules.select(r -> r.tenant().equals(tenant));
    all.sort(Comparator.comparing((StoredRules r) -> r.mailbox() != null)
        .thenComparing(r -> r.mailbox() == null ? "" : r.mailbox().value().toString()));
    return all;
  }

  @Override
  public boolean save(StoredRules rules) {
    Scoped<String> key = key(rules.tenant(), rules.mailbox());
    long stored = tx.rules.get(key).map(StoredRules::version).orElse(0L);
    if (stored != rules.version() - 1) {
      return false;
    }
    tx.rules.put(key, rules);
    return true;
  }

  @Override
  public long increment(TenantId tenant, String name) {
    Scoped<String> key = new Scoped<>(requireNonNull(tenant, "tenant"), name);
    long next = tx.counters.get(key).orElse(0L) + 1;
    tx.counters.put(key, next);
    return next;
  }

  @Override
  public Optional<Instant> stamp(TenantId tenant, String key) {
    return tx.stamps.get(new Scoped<>(requireNonNull(tenant, "tenant"), key));
  }

  @Override
  public void stamp(TenantId tenant, String key, Instant at) {
    tx.stamps.put(new Scoped<>(requireNonNull(tenant, "tenant"), key), requireNonNull(at, "at"));
  }
}
