package org.mastermail.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Permission;
import org.mastermail.tenant.User;

/** Everything one actor may see and do at one moment, resolved from storage by {@link AccessResolver}. */
final class Access {
  private final User user;
  private final Set<Permission> tenantPermissions;
  private final Map<MailboxId, MailboxAccess> mailboxes;
  private final Instant validUntil;

  Access(User user, Set<Permission> tenantPermissions, Map<MailboxId, MailboxAccess> mailboxes, Instant validUntil) {
    this.user = user;
    this.tenantPermissions = Set.copyOf(tenantPermissions);
    this.mailboxes = Map.copyOf(mailboxes);
    this.validUntil = validUntil;
  }

  /** The first moment at which time alone changes this access (a delegation starts or ends), or {@link Instant#MAX}. */
  Instant validUntil() {
    return validUntil;
  }

  User user() {
    return user;
  }

  boolean has(Permission permission) {
    return tenantPermissions.contains(permission);
  }

  /** Fails unless the actor holds the tenant-wide {@code permission}. */
  void require(Permission permission, String what) {
    if (!has(permission)) {
      throw new PermissionDeniedException(
          "user " + user.email() + " may not " + what + ": permission " + permission + " is required");
    }
  }

  Optional<MailboxAccess> mailbox(MailboxId id) {
    return Optional.ofNullable(mailboxes.get(id));
  }

  Set<MailboxId> visibleMailboxes() {
    return mailboxes.keySet();
  }

  Set<MailboxId> fullAccessMailboxes() {
    return mailboxes.values().stream().filter(MailboxAccess::seesAll).map(m -> m.mailbox().id())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the actor may see {@code c}: own, unassigned, or in a mailbox where they hold VIEW_ALL. */
  boolean sees(Conversation c) {
    MailboxAccess m = mailboxes.get(c.mailbox());
    return m != null && (m.seesAll() || c.unassigned() || user.id().equals(c.assignee()));
  }

  /** Fails unless the actor holds {@code permission} in the conversation's mailbox. */
  void require(Conversation c, Permission permission, String what) {
    MailboxAccess m = mailboxes.get(c.mailbox());
    if (m == null || !m.can(permission)) {
      throw new PermissionDeniedException("user " + user.email() + " may not " + what + " in mailbox "
          + (m == null ? c.mailbox() : m.mailbox().address()) + ": permission " + permission + " is required");
    }
  }
}
