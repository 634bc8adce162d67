package org.mastermail.storage;

import java.time.Instant;
import java.util.Optional;
import org.mastermail.tenant.TenantId;

/**
 * Small shared state that must be right across nodes: counters (round-robin positions) and time stamps (when an
 * automatic reply last went to a sender). Names are chosen by the caller, at most 500 characters.
 */
public interface StateRepository {
  /**
   * Increments the named counter and returns its new value (the first call returns 1). Two transactions incrementing
   * the same counter never see the same value.
   */
  long increment(TenantId tenant, String name);

  /** The stamp stored under {@code key}. */
  Optional<Instant> stamp(TenantId tenant, String key);

  /** Stores a stamp under {@code key}, replacing the previous one. */
  void stamp(TenantId tenant, String key, Instant at);
}
