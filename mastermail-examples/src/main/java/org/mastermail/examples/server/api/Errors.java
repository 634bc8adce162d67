package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps exceptions to JSON errors ({@code {"error": "...", "status": 409}}). Core's refusals carry messages meant for
 * the user, so they are passed on; anything unexpected is logged and answered without its details.
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static void install(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> {
      if (e.retryAfter() != null) {
        ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
      }
      respond(ctx, e.status(), e.getMessage());
    });
    routes.exception(InvalidInputException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
    routes.exception(PermissionDeniedException.class, (e, ctx) -> respond(ctx, 403, e.getMessage()));
    routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, e.getMessage()));
    routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.getMessage()));
    routes.exception(MasterMailException.class, (e, ctx) -> unexpected(ctx, e));
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage()));
    routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    // Javalin's own 404 (no such route) and 405 come without a body of ours
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        respond(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
      }
    });
  }

  private static void unexpected(Context ctx, Exception e) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    respond(ctx, 500, "internal error; the server log has the details");
  }

  static void respond(Context ctx, int status, String message) {
    ctx.status(status).json(new ApiJson.Error(message, status));
  }
}
