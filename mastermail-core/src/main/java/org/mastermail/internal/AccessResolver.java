package org.mastermail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.PermissionDeniedException;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusId;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.User;

/**
 * Resolves an {@link Access} from roles, memberships, delegations and grants.
 *
 * <ul>
 *   <li>Tenant-wide permissions: the user's tenant role, then tenant-wide grants, then tenant-wide denials.</li>
 *   <li>A shared mailbox is visible to its members (tenant role plus membership role) and to holders of a tenant-wide
 *       VIEW_ALL (tenant role only).</li>
 *   <li>A personal mailbox is visible only to its owner (who may do everything in it) and to active delegates (read and
 *       assign, never SEND_AS); no tenant-wide permission opens it to anyone else.</li>
 *   <li>Grants then apply per mailbox: tenant-wide grants, tenant-wide denials, mailbox grants, mailbox denials — the
 *       more specific level wins, and at one level a denial wins.</li>
 * </ul>
 */
final class AccessResolver {
  static final Set<Permission> OWNER_PERMISSIONS = EnumSet.of(Permission.VIEW_ALL, Permission.TAKE,
      Permission.ASSIGN, Permission.REASSIGN, Permission.SET_STATUS, Permission.SEND_AS);
  static final Set<Permission> DELEGATE_PERMISSIONS = EnumSet.of(Permission.VIEW_ALL, Permission.TAKE,
      Permission.ASSIGN, Permission.REASSIGN, Permission.SET_STATUS);

  private AccessResolver() {}

  static Access resolve(StorageSession s, Actor actor, Instant now) {
    User user = s.users().find(actor.tenant(), actor.user())
        .orElseThrow(() -> new PermissionDeniedException("unknown user " + actor.user() + " in tenant " + actor.tenant()));
    if (!user.active()) {
      throw new PermissionDeniedException("user " + user.email() + " is deactivated");
    }
    Set<Permission> rolePermissions = rolePermissions(s, user, user.role());
    List<Grant> grants = s.permissions().grantsOf(actor.tenant(), actor.user());
    Set<Permission> tenantPermissions = EnumSet.noneOf(Permission.class);
    tenantPermissions.addAll(rolePermissions);
    apply(tenantPermissions, grants, g -> g.mailbox() == null && g.effect() == Effect.GRANT);
    apply(tenantPermissions, grants, g -> g.mailbox() == null && g.effect() == Effect.DENY);

    Map<MailboxId, String> memberRoles = new HashMap<>();
    for (MailboxMember m : s.mailboxes().membershipsOf(actor.tenant(), actor.user())) {
      memberRoles.put(m.mailbox(), m.role());
    }
    Set<MailboxId> delegated = new HashSet<>();
    Instant validUntil = Instant.MAX;
    for (Delegation d : s.mailboxes().delegationsTo(actor.tenant(), actor.user())) {
      if (d.activeAt(now)) {
        delegated.add(d.mailbox());
      }
      validUntil = earliestAfter(now, validUntil, d.from());
      if (d.until() != null) {
        validUntil = earliestAfter(now, validUntil, d.until());
      }
    }
    Map<MailboxId, MailboxAccess> mailboxes = new HashMap<>();
    for (Mailbox mailbox : s.mailboxes().list(actor.tenant())) {
      MailboxAccess access = mailboxAccess(s, user, mailbox, rolePermissions, tenantPermissions, memberRoles,
          delegated, grants);
      if (access != null) {
        mailboxes.put(mailbox.id(), access);
      }
    }
    return new Access(user, tenantPermissions, mailboxes, validUntil);
  }

  private static Instant earliestAfter(Instant now, Instant current, Instant candidate) {
    return candidate.isAfter(now) && candidate.isBefore(current) ? candidate : current;
  }

  private static @Nullable MailboxAccess mailboxAccess(StorageSession s, User user, Mailbox mailbox,
      Set<Permission> rolePermissions, Set<Permission> tenantPermissions, Map<MailboxId, String> memberRoles,
      Set<MailboxId> delegated, List<Grant> grants) {
    Set<Permission> base = EnumSet.noneOf(Permission.class);
    boolean isDelegate = false;
    if (mailbox.kind() == MailboxKind.PERSONAL) {
      if (user.id().equals(mailbox.owner())) {
        base.addAll(OWNER_PERMISSIONS);
      } else if (delegated.contains(mailbox.id())) {
        base.addAll(DELEGATE_PERMISSIONS);
        isDelegate = true;
      } else {
        return null;
      }
    } else if (memberRoles.containsKey(mailbox.id())) {
      base.addAll(rolePermissions);
      base.addAll(rolePermissions(s, user, memberRoles.get(mailbox.id())));
    } else if (tenantPermissions.contains(Permission.VIEW_ALL)) {
      base.addAll(rolePermissions);
    } else {
      return null;
    }
    base.retainAll(mailboxScoped());
    StatusLimits limits = new StatusLimits();
    applyLevel(base, limits, grants, g -> g.mailbox() == null);
    applyLevel(base, limits, grants, g -> mailbox.id().equals(g.mailbox()));
    if (isDelegate) {
      base.remove(Permission.SEND_AS);
    }
    return new MailboxAccess(mailbox, base, limits.allowed, limits.denied, isDelegate);
  }

  private static void applyLevel(Set<Permission> perms, StatusLimits limits, List<Grant> grants,
      Predicate<Grant> level) {
    List<Set<StatusId>> statusGrants = new ArrayList<>();
    for (Grant g : grants) {
      if (level.test(g) && g.effect() == Effect.GRANT && g.permission().mailboxScoped()) {
        perms.add(g.permission());
        if (g.permission() == Permission.SET_STATUS) {
          statusGrants.add(g.statuses());
        }
      }
    }
    if (!statusGrants.isEmpty()) {
      limits.replaceWith(statusGrants);
    }
    for (Grant g : grants) {
      if (level.test(g) && g.effect() == Effect.DENY && g.permission().mailboxScoped()) {
        if (g.permission() == Permission.SET_STATUS && !g.statuses().isEmpty()) {
          limits.denied.addAll(g.statuses());
        } else {
          perms.remove(g.permission());
        }
      }
    }
  }

  private static void apply(Set<Permission> perms, List<Grant> grants, Predicate<Grant> which) {
    for (Grant g : grants) {
      if (which.test(g) && !g.permission().mailboxScoped()) {
        if (g.effect() == Effect.GRANT) {
          perms.add(g.permission());
        } else {
          perms.remove(g.permission());
        }
      }
    }
    // mailbox-scoped tenant-wide grants count tenant-wide too (VIEW_ALL opens shared mailboxes)
    for (Grant g : grants) {
      if (which.test(g) && g.permission().mailboxScoped()) {
        if (g.effect() == Effect.GRANT) {
          perms.add(g.permission());
        } else if (g.statuses().isEmpty()) {
          perms.remove(g.permission());
        }
      }
    }
  }

  private static Set<Permission> rolePermissions(StorageSession s, User user, String roleName) {
    return s.permissions().findRole(user.tenant(), roleName).map(Role::permissions).orElse(Set.of());
  }

  private static Set<Permission> mailboxScoped() {
    Set<Permission> scoped = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) {
      if (p.mailboxScoped()) {
        scoped.add(p);
      }
    }
    return scoped;
  }

  /** The SET_STATUS narrowing collected from grants. */
  private static final class StatusLimits {
    private @Nullable Set<StatusId> allowed;
    private final Set<StatusId> denied = new HashSet<>();

    /** The SET_STATUS grants of one level replace what a less specific level allowed. */
    void replaceWith(List<Set<StatusId>> levelGrants) {
      Set<StatusId> union = new HashSet<>();
      for (Set<StatusId> statuses : levelGrants) {
        if (statuses.isEmpty()) {
          allowed = null;
          return;
        }
        union.addAll(statuses);
      }
      allowed = union;
    }
  }
}
