package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Where the absences an admin sets through {@link AbsenceAdmin} are kept (SPI): one per user at most. A host whose HR
 * system knows who is away implements {@link Directory#absence} instead and needs none of this.
 *
 * <p>Every method takes the tenant; an implementation never returns or touches another tenant's absences.
 */
public interface AbsenceStore {
  /** The tenant's absences, by user id. */
  List<Absence> list(TenantId tenant);

  Optional<Absence> find(TenantId tenant, UserId user);

  /** Stores {@code absence}, replacing the user's previous one. */
  void save(TenantId tenant, Absence absence);

  /** Removes the user's absence; false when there was none. */
  boolean remove(TenantId tenant, UserId user);

  /** Absences held in memory: for tests and for a single node that may forget them on restart. */
  static AbsenceStore inMemory() {
    return new AbsenceStore() {
      private final Map<TenantId, Map<UserId, Absence>> byTenant = new ConcurrentHashMap<>();

      private Map<UserId, Absence> of(TenantId tenant) {
        return byTenant.computeIfAbsent(requireNonNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
      }

      @Override
      public List<Absence> list(TenantId tenant) {
        return of(tenant).values().stream().sorted(Comparator.comparing(a -> a.user().value())).toList();
      }

      @Override
      public Optional<Absence> find(TenantId tenant, UserId user) {
        return Optional.ofNullable(of(tenant).get(user));
      }

      @Override
      public void save(TenantId tenant, Absence absence) {
        of(tenant).put(absence.user(), absence);
      }

      @Override
      public boolean remove(TenantId tenant, UserId user) {
        return of(tenant).remove(user) != null;
      }
    };
  }
}
