package org.mastermail.status;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.mastermail.tenant.TenantId;

/**
 * A tenant-defined status. {@code position} orders the list (the first one is given to new conversations);
 * {@code allowedNext}, when not empty, lists the only statuses a conversation may move to from this one.
 */
public record Status(TenantId tenant, StatusId id, String name, StatusCategory category, int position,
    Set<StatusId> allowedNext) {
  public Status {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(category, "category");
    allowedNext = Set.copyOf(requireNonNull(allowedNext, "allowedNext"));
  }

  /** Whether a conversation in this status may move to {@code next}. */
  public boolean allows(StatusId next) {
    return allowedNext.isEmpty() || allowedNext.contains(next) || next.equals(id);
  }

  public Status withName(String newName) {
    return new Status(tenant, id, newName, category, position, allowedNext);
  }

  public Status withPosition(int newPosition) {
    return new Status(tenant, id, name, category, newPosition, allowedNext);
  }

  public Status withAllowedNext(Set<StatusId> next) {
    return new Status(tenant, id, name, category, position, next);
  }
}
