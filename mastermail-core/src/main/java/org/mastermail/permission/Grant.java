package org.mastermail.permission;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * A per-user grant or denial that overrides roles, for one mailbox or (when {@code mailbox} is null) tenant-wide.
 * Mailbox-specific entries override tenant-wide ones; at the same level a denial wins over a grant.
 *
 * <p>For {@link Permission#SET_STATUS}, {@code statuses} narrows the entry: a grant naming statuses allows only those,
 * a denial naming statuses forbids only those. It must be empty for every other permission.
 */
public record Grant(TenantId tenant, GrantId id, UserId user, @Nullable MailboxId mailbox, Permission permission,
    Effect effect, Set<StatusId> statuses) {
  public Grant {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(user, "user");
    requireNonNull(permission, "permission");
    requireNonNull(effect, "effect");
    statuses = Set.copyOf(requireNonNull(statuses, "statuses"));
  }
}
