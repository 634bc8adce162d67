package org.mastermail.examples.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.examples.server.auth.Session;
import org.mastermail.examples.server.auth.Sessions;

/**
 * Who a request acts as. Every route needs a session unless it is marked {@link Visibility#PUBLIC}, so a new route is
 * protected by default; a request that changes anything must also bring the session's CSRF token in
 * {@code X-CSRF-Token}. What the user may then do is decided by core alone.
 */
public final class Access {
  /** The session cookie's name over plain HTTP. */
  public static final String COOKIE = "mm_session";
  /** Its name with secure cookies: the {@code __Host-} prefix makes browsers refuse it without Secure and Path=/. */
  public static final String SECURE_COOKIE = "__Host-mm_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String SESSION = "mastermail.session";
  private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  /** Marks a route that needs no login. */
  public enum Visibility implements RouteRole {
    PUBLIC
  }

  private final Sessions sessions;
  private final boolean secure;

  Access(Sessions sessions, boolean secure) {
    this.sessions = sessions;
    this.secure = secure;
  }

  /** Runs before every matched route. */
  void check(Context ctx) {
    if (ctx.routeRoles().contains(Visibility.PUBLIC)) {
      return;
    }
    Session session = current(ctx);
    if (session == null) {
      throw ApiException.notLoggedIn();
    }
    if (!SAFE.contains(ctx.method()) && !Sessions.csrfMatches(session, ctx.header(CSRF_HEADER))) {
      throw ApiException.csrf();
    }
    ctx.attribute(SESSION, session);
  }

  /** The live session the request's cookie names, if any. */
  @Nullable Session current(Context ctx) {
    String token = ctx.cookie(cookieName());
    return token == null ? null : sessions.find(token).orElse(null);
  }

  static Session session(Context ctx) {
    Session s = ctx.attribute(SESSION);
    if (s == null) {
      throw ApiException.notLoggedIn(); // a public route asking for a user: a bug, but never an open door
    }
    return s;
  }

  static Actor actor(Context ctx) {
    return session(ctx).actor();
  }

  /** Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
  void setCookie(Context ctx, Session session) {
    ctx.res().addHeader("Set-Cookie", cookieName() + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : ""));
  }

  void clearCookie(Context ctx) {
    ctx.res().addHeader("Set-Cookie", cookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : ""));
  }

  private String cookieName() {
    return secure ? SECURE_COOKIE : COOKIE;
  }
}
