package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import org.mastermail.MasterMail;

/**
 * What a user needs to know about their office to work in it: {@code GET /api/mailboxes} (those they see),
 * {@code GET /api/users} (colleagues, to assign work to) and {@code GET /api/statuses}. Changing them is for the admin
 * endpoints ({@link AdminRoutes}, {@link MailboxAdminRoutes}).
 */
final class DirectoryRoutes {
  private final MasterMail mm;

  DirectoryRoutes(MasterMail mm) {
    this.mm = mm;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/mailboxes", ctx -> ctx.json(mm.admin().mailboxes().list(Access.actor(ctx)).stream()
        .map(ApiJson.MailboxJson::of).toList()));
    routes.get("/api/users", ctx -> ctx.json(mm.admin().users().list(Access.actor(ctx)).stream()
        .map(ApiJson.UserJson::of).toList()));
    routes.get("/api/statuses", ctx -> ctx.json(mm.admin().statuses().list(Access.actor(ctx)).stream()
        .map(ApiJson.StatusJson::of).toList()));
  }
}
