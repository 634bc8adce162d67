package org.mastermail.examples.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import org.mastermail.MasterMail;
import org.mastermail.examples.server.auth.LoginThrottle;
import org.mastermail.examples.server.auth.Logins;
import org.mastermail.examples.server.auth.Session;
import org.mastermail.examples.server.auth.Sessions;
import org.mastermail.examples.server.config.ServerRules;
import org.mastermail.outbound.TemplateRenderer;
import org.mastermail.tenant.TenantId;

/**
 * Installs the REST API on a Javalin configuration. Every route acts as the logged-in user through core's triage,
 * outbound and admin services, so permissions and visibility are core's alone; the server adds logins, sessions, CSRF
 * tokens and JSON.
 */
public final class RestApi {
  private RestApi() {}

  /** Adds the routes, error mapping, security headers and JSON mapper to {@code config}. */
  public static void install(JavalinConfig config, MasterMail mm, ServerRules rules, Logins logins,
      Sessions sessions, LoginThrottle throttle, boolean secureCookies, LiveUpdates live, TemplateRenderer templates) {
    ObjectMapper json = Json.mapper();
    config.jsonMapper(new JavalinJackson(json, false));
    Requests requests = new Requests(json);
    Access access = new Access(sessions, secureCookies);

    config.routes.before("/api/*", ctx -> {
      // answers are data, never pages: no sniffing, framing, caching, referrers or active content
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("Cache-Control", "no-store");
      ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
    });
    config.routes.beforeMatched(access::check);
    Errors.install(config.routes);

    config.routes.get("/api/health", ctx -> {
      mm.tenant(TenantId.random()); // one query: the database answers
      ctx.json(new ApiJson.Health("ok"));
    }, Access.Visibility.PUBLIC);
    new AuthRoutes(mm, logins, sessions, throttle, access, requests).register(config.routes);
    new ConversationRoutes(mm, requests).register(config.routes);
    new MessageRoutes(mm).register(config.routes);
    new OutboundRoutes(mm, requests, templates).register(config.routes);
    new DirectoryRoutes(mm).register(config.routes);
    new StatsRoutes(mm).register(config.routes);
    new AdminRoutes(mm, logins, requests).register(config.routes);
    new MailboxAdminRoutes(mm, requests).register(config.routes);
    new RuleRoutes(mm, rules, requests).register(config.routes);
    config.routes.get("/api/events", new SseHandler(sse -> {
      Session session = Access.session(sse.ctx());
      live.connect(sse, session.actor().tenant(), () -> sessions.alive(session.token()));
    }));
  }
}
