package org.mastermail.admin;

import java.util.List;
import java.util.Optional;
import org.mastermail.Actor;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/** Users of a tenant. Changes need MANAGE_PERMISSIONS; any active user may list colleagues (to assign work). */
public interface UserAdmin {
  /** Adds a user with a tenant-wide role; the email must be unique in the tenant. */
  User create(String email, String displayName, String role, Actor actor);

  User setRole(UserId user, String role, Actor actor);

  User rename(UserId user, String displayName, Actor actor);

  /** Deactivates a user: they keep their history but can no longer act or be assigned work. Not oneself. */
  User deactivate(UserId user, Actor actor);

  User reactivate(UserId user, Actor actor);

  List<User> list(Actor actor);

  /** A user of the actor's tenant by id (active or not), for anyone of the tenant. */
  Optional<User> find(UserId user, Actor actor);

  /** A user of the actor's tenant by e-mail address (case does not matter), for anyone of the tenant. */
  Optional<User> findByEmail(String email, Actor actor);
}
