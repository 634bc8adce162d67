package org.mastermail.internal;

import java.util.List;
import java.util.Optional;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.admin.UserAdmin;
import org.mastermail.event.EventType;
import org.mastermail.permission.Permission;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

final class DefaultUserAdmin implements UserAdmin {
  private final Engine engine;

  DefaultUserAdmin(Engine engine) {
    this.engine = engine;
  }

  @Override
  public User create(String email, String displayName, String role, Actor actor) {
    String cleanEmail = Check.address("email", email);
    String cleanName = Check.name("display name", displayName);
    String cleanRole = Check.name("role", role);
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, "add users");
      requireRole(w.s(), actor.tenant(), cleanRole);
      User user = new User(actor.tenant(), UserId.random(), cleanEmail, cleanName, cleanRole, true);
      w.s().users().insert(user);
      w.event(actor.tenant(), EventType.USER_CHANGED, null, actor.user(), null, "created " + cleanEmail, 0);
      return user;
    });
  }

  @Override
  public User setRole(UserId user, String role, Actor actor) {
    String cleanRole = Check.name("role", role);
    return change(user, actor, "change roles", (s, u) -> {
      requireRole(s, actor.tenant(), cleanRole);
      return u.withRole(cleanRole);
    });
  }

  @Override
  public User rename(UserId user, String displayName, Actor actor) {
    String cleanName = Check.name("display name", displayName);
    return change(user, actor, "rename users", (s, u) -> u.withDisplayName(cleanName));
  }

  @Override
  public User deactivate(UserId user, Actor actor) {
    if (user.equals(actor.user())) {
      throw new InvalidInputException("a user cannot deactivate themselves");
    }
    return change(user, actor, "deactivate users", (s, u) -> u.withActive(false));
  }

  @Override
  public User reactivate(UserId user, Actor actor) {
    return change(user, actor, "reactivate users", (s, u) -> u.withActive(true));
  }

  @Override
  public List<User> list(Actor actor) {
    return engine.write(actor, (w, a) -> w.s().users().list(actor.tenant()));
  }

  @Override
  public Optional<User> find(UserId user, Actor actor) {
    Check.present("user", user);
    return engine.read(actor, (w, a) -> w.s().users().find(actor.tenant(), user));
  }

  @Override
  public Optional<User> findByEmail(String email, Actor actor) {
    String address = Check.address("email", email);
    return engine.read(actor, (w, a) -> w.s().users().findByEmail(actor.tenant(), address));
  }

  private User change(UserId id, Actor actor, String what, UserChange change) {
    Check.present("user", id);
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_PERMISSIONS, what);
      User before = find(w.s(), actor.tenant(), id);
      User after = change.apply(w.s(), before);
      if (!after.equals(before)) {
        w.s().users().update(after);
        w.event(actor.tenant(), EventType.USER_CHANGED, null, actor.user(), before, after, 0);
      }
      return after;
    });
  }

  static User find(StorageSession s, TenantId tenant, UserId id) {
    return s.users().find(tenant, id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
  }

  static void requireRole(StorageSession s, TenantId tenant, String role) {
    if (s.permissions().findRole(tenant, role).isEmpty()) {
      throw new NotFoundException("role '" + role + "' not found");
    }
  }

  @FunctionalInterface
  private interface UserChange {
    User apply(StorageSession s, User user);
  }
}
