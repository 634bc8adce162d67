package org.mastermail.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.admin.PermissionAdmin;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

final class DefaultPermissionAdmin implements PermissionAdmin {
  private final Engine engine;

  DefaultPermissionAdmin(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Role defineRole(String name, Set<Permission> permissions, Actor actor) {
    String clean = Check.name("role name", name);
    Set<Permission> perms = permissions.isEmpty() ? Set.of() : EnumSet.copyOf(Check.present("permissions", permissions));
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, "define roles");
      Role before = w.s().permissions().findRole(actor.tenant(), clean).orElse(null);
      if (Role.ADMIN.equals(clean) && !perms.containsAll(Role.adminPermissions())) {
        throw new InvalidInputException("role 'admin' must keep every permission, or no one could repair the tenant");
      }
      Role role = new Role(actor.tenant(), clean, perms);
      w.s().permissions().putRole(role);
      w.event(actor.tenant(), EventType.PERMISSION_CHANGED, null, actor.user(), before, role, 0);
      return role;
    });
  }

  @Override
  public List<Role> roles(Actor actor) {
    return engine.read(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, "list roles");
      return w.s().permissions().roles(actor.tenant());
    });
  }

  @Override
  public Grant grant(UserId user, @Nullable MailboxId mailbox, Permission permission, Set<StatusId> statuses,
      Actor actor) {
    return put(user, mailbox, permission, statuses, Effect.GRANT, actor);
  }

  @Override
  public Grant deny(UserId user, @Nullable MailboxId mailbox, Permission permission, Set<StatusId> statuses,
      Actor actor) {
    return put(user, mailbox, permission, statuses, Effect.DENY, actor);
  }

  private Grant put(UserId user, @Nullable MailboxId mailbox, Permission permission, Set<StatusId> statuses,
      Effect effect, Actor actor) {
    Check.present("user", user);
    Check.present("permission", permission);
    Check.present("statuses", statuses);
    if (!statuses.isEmpty() && permission != Permission.SET_STATUS) {
      throw new InvalidInputException("statuses may only narrow SET_STATUS, not " + permission);
    }
    if (mailbox != null && !permission.mailboxScoped()) {
      throw new InvalidInputException(permission + " is tenant-wide and cannot be given for one mailbox");
    }
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, "change permissions");
      DefaultUserAdmin.find(w.s(), actor.tenant(), user);
      if (mailbox != null && w.s().mailboxes().find(actor.tenant(), mailbox).isEmpty()) {
        throw new NotFoundException("mailbox " + mailbox + " not found");
      }
      for (StatusId s : statuses) {
        if (w.s().statuses().find(actor.tenant(), s).isEmpty()) {
          throw new NotFoundException("status " + s + " not found");
        }
      }
      Grant g = new Grant(actor.tenant(), GrantId.random(), user, mailbox, permission, effect, statuses);
      w.s().permissions().insertGrant(g);
      w.event(actor.tenant(), EventType.PERMISSION_CHANGED, null, actor.user(), null, g, 0);
      return g;
    });
  }

  @Override
  public void revoke(GrantId grant, Actor actor) {
    Check.present("grant", grant);
    engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, "change permissions");
      if (!w.s().permissions().deleteGrant(actor.tenant(), grant)) {
        throw new NotFoundException("grant " + grant + " not found");
      }
      w.event(actor.tenant(), EventType.PERMISSION_CHANGED, null, actor.user(), grant, "revoked", 0);
      return grant;
    });
  }

  @Override
  public List<Grant> grantsOf(UserId user, Actor actor) {
    return engine.write(actor, (w, a) -> {
      if (!user.equals(actor.user())) {
        a.require(Permission.MANAGE_PERMISSIONS, "read a colleague's permissions");
      }
      DefaultUserAdmin.find(w.s(), actor.tenant(), user); // another tenant's user is not found, as everywhere
      return w.s().permissions().grantsOf(actor.tenant(), user);
    });
  }

  @Override
  public boolean holds(Permission permission, @Nullable MailboxId mailbox, Actor actor) {
    Check.present("permission", permission);
    return engine.read(actor, (w, a) -> holds(a, permission, mailbox));
  }

  @Override
  public void require(Permission permission, @Nullable MailboxId mailbox, Actor actor) {
    Check.present("permission", permission);
    engine.read(actor, (w, a) -> {
      if (!holds(a, permission, mailbox)) {
        throw new PermissionDeniedException("user " + a.user().email() + " may not do this"
            + (mailbox == null ? "" : " in mailbox " + mailbox) + ": permission " + permission + " is required");
      }
      return null;
    });
  }

  private static boolean holds(Access a, Permission permission, @Nullable MailboxId mailbox) {
    if (!permission.mailboxScoped()) {
      return a.has(permission);
    }
    return mailbox != null && a.mailbox(mailbox).map(m -> m.can(permission)).orElse(false);
  }
}
