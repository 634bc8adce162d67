package org.mastermail.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.permission.Permission;
import org.mastermail.status.StatusId;

/**
 * What one actor may do in one mailbox they can see. {@code allowedStatuses} null means every status;
 * {@code deniedStatuses} are refused even then.
 */
record MailboxAccess(Mailbox mailbox, Set<Permission> permissions, @Nullable Set<StatusId> allowedStatuses,
    Set<StatusId> deniedStatuses, boolean delegated) {

  boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  boolean canSetStatus(StatusId status) {
    return can(Permission.SET_STATUS)
        && (allowedStatuses == null || allowedStatuses.contains(status))
        && !deniedStatuses.contains(status);
  }

  boolean seesAll() {
    return can(Permission.VIEW_ALL);
  }
}
