package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.admin.PermissionAdmin;
import org.mastermail.admin.StatusAdmin;
import org.mastermail.admin.UserAdmin;
import org.mastermail.examples.server.api.ApiJson.StatusJson;
import org.mastermail.examples.server.api.ApiJson.UserJson;
import org.mastermail.examples.server.auth.Logins;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.permission.Effect;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Permission;
import org.mastermail.permission.Role;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Administration of statuses, users, roles and grants under {@code /api/admin/}, each call acting as the logged-in
 * user through {@code mm.admin()}: core checks MANAGE_STATUSES and MANAGE_PERMISSIONS, the server none. A new user may
 * bring an initial password, which becomes their login once core has created them.
 */
final class AdminRoutes {
  private final StatusAdmin statuses;
  private final UserAdmin users;
  private final PermissionAdmin permissions;
  private final Logins logins;
  private final Requests requests;

  AdminRoutes(MasterMail mm, Logins logins, Requests requests) {
    this.statuses = mm.admin().statuses();
    this.users = mm.admin().users();
    this.permissions = mm.admin().permissions();
    this.logins = logins;
    this.requests = requests;
  }

  public record NewStatusBody(@Nullable String name, @Nullable String category) {}

  public record NameBody(@Nullable String name) {}

  public record OrderBody(@Nullable List<String> order) {}

  public record TransitionsBody(@Nullable List<String> allowedNext) {}

  /** {@code delete}: where the conversations in the status go, when there are any. */
  public record DeleteStatusBody(@Nullable String replacement) {}

  public record NewUserBody(@Nullable String email, @Nullable String name, @Nullable String role,
      @Nullable String password) {}

  public record RoleBody(@Nullable String role) {}

  public record DefineRoleBody(@Nullable String name, @Nullable List<String> permissions) {}

  /** A grant or, with {@code effect} "deny", a denial; {@code mailbox} null is tenant-wide. */
  public record GrantBody(@Nullable String permission, @Nullable String effect, @Nullable String mailbox,
      @Nullable List<String> statuses) {}

  public record RoleJson(String name, List<String> permissions) {
    static RoleJson of(Role r) {
      return new RoleJson(r.name(), names(r.permissions()));
    }
  }

  public record GrantJson(String id, String user, @Nullable String mailbox, String permission, String effect,
      List<String> statuses) {
    static GrantJson of(Grant g) {
      return new GrantJson(g.id().toString(), g.user().toString(),
          g.mailbox() == null ? null : g.mailbox().toString(), g.permission().name(), g.effect().name(),
          g.statuses().stream().map(Object::toString).sorted().toList());
    }
  }

  void register(RoutesConfig routes) {
    routes.get("/api/admin/statuses", ctx -> ctx.json(statuses.list(Access.actor(ctx)).stream()
        .map(StatusJson::of).toList()));
    routes.post("/api/admin/statuses", ctx -> {
      NewStatusBody b = requests.body(ctx, NewStatusBody.class);
      StatusCategory category = Requests.enumValue(StatusCategory.class, "category",
          Requests.required(b.category(), "category"));
      ctx.status(201).json(StatusJson.of(statuses.add(Requests.required(b.name(), "name"), category,
          Access.actor(ctx))));
    });
    // before /{id}, which would take "order" for an id
    routes.post("/api/admin/statuses/order", ctx -> {
      OrderBody b = requests.body(ctx, OrderBody.class);
      List<StatusId> order = Requests.required(b.order(), "order").stream().map(StatusId::of).toList();
      ctx.json(statuses.reorder(order, Access.actor(ctx)).stream().map(StatusJson::of).toList());
    });
    routes.post("/api/admin/statuses/{id}", ctx -> {
      NameBody b = requests.body(ctx, NameBody.class);
      ctx.json(StatusJson.of(statuses.rename(statusId(ctx), Requests.required(b.name(), "name"),
          Access.actor(ctx))));
    });
    routes.post("/api/admin/statuses/{id}/transitions", ctx -> {
      TransitionsBody b = requests.body(ctx, TransitionsBody.class);
      Set<StatusId> next = Requests.required(b.allowedNext(), "allowedNext").stream().map(StatusId::of)
          .collect(Collectors.toSet());
      ctx.json(StatusJson.of(statuses.setTransitions(statusId(ctx), next, Access.actor(ctx))));
    });
    routes.post("/api/admin/statuses/{id}/delete", ctx -> {
      DeleteStatusBody b = requests.body(ctx, DeleteStatusBody.class);
      statuses.remove(statusId(ctx), b.replacement() == null ? null : StatusId.of(b.replacement()),
          Access.actor(ctx));
      ctx.status(204);
    });

    routes.get("/api/admin/users", ctx -> ctx.json(users.list(Access.actor(ctx)).stream().map(UserJson::of)
        .toList()));
    routes.post("/api/admin/users", this::createUser);
    routes.post("/api/admin/users/{id}/rename", ctx -> {
      NameBody b = requests.body(ctx, NameBody.class);
      ctx.json(UserJson.of(users.rename(userId(ctx), Requests.required(b.name(), "name"), Access.actor(ctx))));
    });
    routes.post("/api/admin/users/{id}/role", ctx -> {
      RoleBody b = requests.body(ctx, RoleBody.class);
      ctx.json(UserJson.of(users.setRole(userId(ctx), Requests.required(b.role(), "role"), Access.actor(ctx))));
    });
    routes.post("/api/admin/users/{id}/deactivate", ctx -> ctx.json(UserJson.of(users.deactivate(userId(ctx),
        Access.actor(ctx)))));
    routes.post("/api/admin/users/{id}/reactivate", ctx -> ctx.json(UserJson.of(users.reactivate(userId(ctx),
        Access.actor(ctx)))));

    routes.get("/api/admin/roles", ctx -> ctx.json(permissions.roles(Access.actor(ctx)).stream()
        .map(RoleJson::of).toList()));
    routes.post("/api/admin/roles", ctx -> {
      DefineRoleBody b = requests.body(ctx, DefineRoleBody.class);
      Set<Permission> set = Requests.required(b.permissions(), "permissions").stream()
          .map(p -> Requests.enumValue(Permission.class, "permission", p)).collect(Collectors.toSet());
      ctx.json(RoleJson.of(permissions.defineRole(Requests.required(b.name(), "name"), set, Access.actor(ctx))));
    });
    routes.get("/api/admin/users/{id}/grants", ctx -> ctx.json(permissions.grantsOf(userId(ctx),
        Access.actor(ctx)).stream().map(GrantJson::of).toList()));
    routes.post("/api/admin/users/{id}/grants", this::grant);
    routes.post("/api/admin/grants/{id}/revoke", ctx -> {
      permissions.revoke(GrantId.of(ctx.pathParam("id")), Access.actor(ctx));
      ctx.status(204);
    });
  }

  /**
   * Core creates the user first, deciding whether the actor may; only then does the server give them a login. The
   * password is checked before either, so that a refused one leaves no user behind.
   */
  private void createUser(Context ctx) {
    NewUserBody b = requests.body(ctx, NewUserBody.class);
    String email = Requests.required(b.email(), "email");
    if (b.password() != null) {
      logins.checkNewPassword(b.password());
    }
    Actor actor = Access.actor(ctx);
    User user = users.create(email, Requests.required(b.name(), "name"), Requests.required(b.role(), "role"), actor);
    if (b.password() != null) {
      logins.create(user.email(), Actor.of(user.tenant(), user.id()), b.password());
    }
    ctx.status(201).json(UserJson.of(user));
  }

  private void grant(Context ctx) {
    GrantBody b = requests.body(ctx, GrantBody.class);
    Permission permission = Requests.enumValue(Permission.class, "permission",
        Requests.required(b.permission(), "permission"));
    Effect effect = b.effect() == null ? Effect.GRANT : Requests.enumValue(Effect.class, "effect", b.effect());
    MailboxId mailbox = b.mailbox() == null ? null : MailboxId.of(b.mailbox());
    Set<StatusId> only = b.statuses() == null ? Set.of()
        : b.statuses().stream().map(StatusId::of).collect(Collectors.toSet());
    Actor actor = Access.actor(ctx);
    Grant g = effect == Effect.GRANT ? permissions.grant(userId(ctx), mailbox, permission, only, actor)
        : permissions.deny(userId(ctx), mailbox, permission, only, actor);
    ctx.status(201).json(GrantJson.of(g));
  }

  private static StatusId statusId(Context ctx) {
    return StatusId.of(ctx.pathParam("id"));
  }

  private static UserId userId(Context ctx) {
    return UserId.of(ctx.pathParam("id"));
  }

  private static List<String> names(Set<Permission> permissions) {
    return permissions.stream().map(Permission::name).sorted().toList();
  }
}
