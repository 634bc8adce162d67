package org.mastermail.admin;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.PermissionDeniedException;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/** Roles and per-user grants and denials; everything here needs MANAGE_PERMISSIONS. */
public interface PermissionAdmin {
  /** Creates a role or replaces the permissions of an existing one. */
  Role defineRole(String name, Set<Permission> permissions, Actor actor);

  List<Role> roles(Actor actor);

  /**
   * Grants {@code permission} to a user in one mailbox or, with {@code mailbox} null, tenant-wide. For SET_STATUS,
   * {@code statuses} names the only statuses the grant allows (empty: all); it must be empty otherwise.
   */
  Grant grant(UserId user, @Nullable MailboxId mailbox, Permission permission, Set<StatusId> statuses, Actor actor);

  /** Denies {@code permission}; for SET_STATUS, {@code statuses} names the only statuses denied (empty: all). */
  Grant deny(UserId user, @Nullable MailboxId mailbox, Permission permission, Set<StatusId> statuses, Actor actor);

  void revoke(GrantId grant, Actor actor);

  List<Grant> grantsOf(UserId user, Actor actor);

  /**
   * Whether {@code actor} holds {@code permission}: a tenant-wide one with {@code mailbox} null, a mailbox-scoped one
   * in {@code mailbox}. For hosts and modules guarding operations of their own (such as editing rules).
   */
  boolean holds(Permission permission, @Nullable MailboxId mailbox, Actor actor);

  /**
   * Fails unless {@link #holds} does.
   *
   * @throws PermissionDeniedException naming the user and the missing permission
   */
  void require(Permission permission, @Nullable MailboxId mailbox, Actor actor);
}
