package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.examples.server.auth.LoginThrottle;
import org.mastermail.examples.server.auth.Logins;
import org.mastermail.examples.server.auth.Session;
import org.mastermail.examples.server.auth.Sessions;
import org.mastermail.permission.Permission;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me}. */
final class AuthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

  private final MasterMail mm;
  private final Logins logins;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Access access;
  private final Requests requests;

  AuthRoutes(MasterMail mm, Logins logins, Sessions sessions, LoginThrottle throttle, Access access,
      Requests requests) {
    this.mm = mm;
    this.logins = logins;
    this.sessions = sessions;
    this.throttle = throttle;
    this.access = access;
    this.requests = requests;
  }

  /** The body of {@code POST /api/login}. */
  public record LoginBody(@Nullable String email, @Nullable String password) {}

  void register(RoutesConfig routes) {
    routes.post("/api/login", this::login, Access.Visibility.PUBLIC);
    routes.post("/api/logout", this::logout);
    routes.get("/api/me", ctx -> ctx.json(me(Access.session(ctx))));
  }

  private void login(Context ctx) {
    LoginBody body = requests.body(ctx, LoginBody.class);
    String email = Requests.required(body.email(), "email");
    String password = Requests.required(body.password(), "password");
    String address = ctx.ip();
    Optional<Duration> wait = throttle.blocked(email, address);
    if (wait.isPresent()) {
      LOG.warn("login of {} from {} refused: too many failed attempts", email, address);
      throw ApiException.tooManyAttempts(wait.get());
    }
    Optional<User> user = logins.check(email, password).flatMap(this::activeUser);
    if (user.isEmpty()) {
      // logged for the operator's fail2ban or the like; the password never is
      LOG.info("login of {} from {} failed", email, address);
      throttle.failed(email, address);
      throw ApiException.wrongLogin();
    }
    throttle.succeeded(email);
    Session previous = access.current(ctx);
    if (previous != null) {
      sessions.close(previous.token());
    }
    Session session = sessions.open(Actor.of(user.get().tenant(), user.get().id()));
    access.setCookie(ctx, session);
    ctx.json(me(session));
  }

  private void logout(Context ctx) {
    sessions.close(Access.session(ctx).token());
    access.clearCookie(ctx);
    ctx.status(204);
  }

  private ApiJson.Me me(Session session) {
    User user = activeUser(session.actor()).orElseThrow(ApiException::notLoggedIn);
    Tenant tenant = mm.tenant(session.actor().tenant()).orElseThrow(ApiException::notLoggedIn);
    // what the user holds tenant-wide, so that a UI shows only what it may use (core still decides every call)
    List<String> held = Arrays.stream(Permission.values())
        .filter(p -> mm.admin().permissions().holds(p, null, session.actor())).map(Permission::name).toList();
    return new ApiJson.Me(ApiJson.UserJson.of(user), ApiJson.TenantJson.of(tenant), session.csrfToken(), held);
  }

  /** The user behind a login, while they are active: a deactivated user's password no longer opens anything. */
  private Optional<User> activeUser(Actor actor) {
    try {
      return mm.admin().users().list(actor).stream()
          .filter(u -> u.id().equals(actor.user()) && u.active())
          .findFirst();
    } catch (PermissionDeniedException | NotFoundException e) {
      return Optional.empty();
    }
  }
}
