package org.mastermail.examples.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.admin.MailboxAdmin;
import org.mastermail.examples.server.api.ApiJson.MailboxJson;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.tenant.UserId;

/**
 * Mailboxes, their members and delegations under {@code /api/admin/mailboxes}, through {@code mm.admin().mailboxes()}:
 * core checks MANAGE_MAILBOXES, or DELEGATE for an owner handing their own personal mailbox to a colleague.
 */
final class MailboxAdminRoutes {
  private final MailboxAdmin mailboxes;
  private final Requests requests;

  MailboxAdminRoutes(MasterMail mm, Requests requests) {
    this.mailboxes = mm.admin().mailboxes();
    this.requests = requests;
  }

  /** {@code kind} "shared" (the default) or "personal", which needs the {@code owner}. */
  public record NewMailboxBody(@Nullable String address, @Nullable String name, @Nullable String kind,
      @Nullable String owner) {}

  public record NameBody(@Nullable String name) {}

  public record MemberBody(@Nullable String user, @Nullable String role) {}

  /** {@code until} null: until revoked. */
  public record DelegationBody(@Nullable String delegate, @Nullable Instant until) {}

  public record MemberJson(String mailbox, String user, String role) {
    static MemberJson of(MailboxMember m) {
      return new MemberJson(m.mailbox().toString(), m.user().toString(), m.role());
    }
  }

  public record DelegationJson(String id, String mailbox, String delegate, Instant from, @Nullable Instant until) {
    static DelegationJson of(Delegation d) {
      return new DelegationJson(d.id().toString(), d.mailbox().toString(), d.delegate().toString(), d.from(),
          d.until());
    }
  }

  void register(RoutesConfig routes) {
    routes.get("/api/admin/mailboxes", ctx -> ctx.json(mailboxes.list(Access.actor(ctx)).stream()
        .map(MailboxJson::of).toList()));
    routes.post("/api/admin/mailboxes", this::create);
    routes.post("/api/admin/mailboxes/{id}/rename", ctx -> {
      NameBody b = requests.body(ctx, NameBody.class);
      ctx.json(MailboxJson.of(mailboxes.rename(mailboxId(ctx), Requests.required(b.name(), "name"),
          Access.actor(ctx))));
    });
    routes.get("/api/admin/mailboxes/{id}/members", ctx -> ctx.json(mailboxes.members(mailboxId(ctx),
        Access.actor(ctx)).stream().map(MemberJson::of).toList()));
    routes.post("/api/admin/mailboxes/{id}/members", ctx -> {
      MemberBody b = requests.body(ctx, MemberBody.class);
      ctx.json(MemberJson.of(mailboxes.addMember(mailboxId(ctx), UserId.of(Requests.required(b.user(), "user")),
          Requests.required(b.role(), "role"), Access.actor(ctx))));
    });
    routes.post("/api/admin/mailboxes/{id}/members/{user}/remove", ctx -> {
      mailboxes.removeMember(mailboxId(ctx), UserId.of(ctx.pathParam("user")), Access.actor(ctx));
      ctx.status(204);
    });
    routes.get("/api/admin/mailboxes/{id}/delegations", ctx -> ctx.json(mailboxes.delegations(mailboxId(ctx),
        Access.actor(ctx)).stream().map(DelegationJson::of).toList()));
    routes.post("/api/admin/mailboxes/{id}/delegations", ctx -> {
      DelegationBody b = requests.body(ctx, DelegationBody.class);
      Delegation d = mailboxes.delegate(mailboxId(ctx), UserId.of(Requests.required(b.delegate(), "delegate")),
          b.until(), Access.actor(ctx));
      ctx.status(201).json(DelegationJson.of(d));
    });
    routes.post("/api/admin/delegations/{id}/revoke", ctx -> {
      mailboxes.revokeDelegation(DelegationId.of(ctx.pathParam("id")), Access.actor(ctx));
      ctx.status(204);
    });
  }

  private void create(Context ctx) {
    NewMailboxBody b = requests.body(ctx, NewMailboxBody.class);
    MailboxKind kind = b.kind() == null ? MailboxKind.SHARED
        : Requests.enumValue(MailboxKind.class, "kind", b.kind());
    String address = Requests.required(b.address(), "address");
    String name = Requests.required(b.name(), "name");
    Actor actor = Access.actor(ctx);
    if (kind == MailboxKind.SHARED && b.owner() != null) {
      throw new InvalidInputException("owner is for a personal mailbox; a shared one has members");
    }
    Mailbox created = kind == MailboxKind.SHARED ? mailboxes.createShared(address, name, actor)
        : mailboxes.createPersonal(address, name, UserId.of(Requests.required(b.owner(), "owner")), actor);
    ctx.status(201).json(MailboxJson.of(created));
  }

  private static MailboxId mailboxId(Context ctx) {
    return MailboxId.of(ctx.pathParam("id"));
  }
}
