package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.permission.Permission;
import org.mastermail.status.DefaultStatuses;

/** Statuses, users, roles, grants, mailboxes and delegations changed by the admin through the API, as core saves them. */
class AdminApiTest {
  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private static JsonNode ok(Client.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : r.json();
  }

  @Test
  void anAdminShouldAddRenameReorderLimitAndDeleteStatuses() {
    Client admin = fx.as("admin");
    String received = fx.office.status(DefaultStatuses.RECEIVED).id().toString();

    JsonNode added = ok(admin.post("/api/admin/statuses", Client.json("name", "Escalated", "category", "open")), 201);
    String id = added.get("id").asText();
    ok(admin.post("/api/admin/statuses/" + id, Client.json("name", "Escalated to the owner")), 200);
    JsonNode limited = ok(admin.post("/api/admin/statuses/" + id + "/transitions",
        Client.json("allowedNext", List.of(received))), 200);
    List<String> order = new ArrayList<>(admin.get("/api/admin/statuses").json().findValuesAsText("id"));
    order.remove(id);
    order.add(0, id);
    JsonNode reordered = ok(admin.post("/api/admin/statuses/order", Client.json("order", order)), 200);

    assertThat(added.get("category").asText()).isEqualTo("OPEN");
    assertThat(limited.get("allowedNext").get(0).asText()).isEqualTo(received);
    assertThat(reordered.get(0).get("name").asText()).isEqualTo("Escalated to the owner");
    ok(admin.post("/api/admin/statuses/" + id + "/delete", "{}"), 204);
    assertThat(admin.get("/api/statuses").json().findValuesAsText("name")).doesNotContain("Escalated to the owner");
  }

  @Test
  void deletingAStatusInUseShouldNeedAReplacement() {
    Conversation c = fx.receive("Stuck in progress");
    String inProgress = fx.office.status(DefaultStatuses.IN_PROGRESS).id().toString();
    String received = fx.office.status(DefaultStatuses.RECEIVED).id().toString();
    fx.mm.triage().setStatus(c.ref(), org.mastermail.status.StatusId.of(inProgress), fx.office.admin);
    Client admin = fx.as("admin");

    Client.Response without = admin.post("/api/admin/statuses/" + inProgress + "/delete", "{}");
    Client.Response with = admin.post("/api/admin/statuses/" + inProgress + "/delete",
        Client.json("replacement", received));

    assertThat(without.status()).isEqualTo(400);
    assertThat(without.json().get("error").asText()).contains("name the status they should move to");
    assertThat(with.status()).isEqualTo(204);
    assertThat(fx.office.reload(c).status().toString()).isEqualTo(received);
  }

  @Test
  void badStatusInputShouldBeNamed() {
    Client admin = fx.as("admin");

    assertThat(admin.post("/api/admin/statuses", Client.json("name", "X", "category", "pending")).json()
        .get("error").asText()).contains("category must be one of [open, waiting, closed]");
    assertThat(admin.post("/api/admin/statuses", Client.json("category", "open")).json().get("error").asText())
        .isEqualTo("name is required");
    assertThat(admin.post("/api/admin/statuses/order", Client.json("order", List.of("nope"))).status())
        .isEqualTo(400);
  }

  @Test
  void aNewUserShouldLogInWithTheInitialPasswordAndBeManaged() {
    Client admin = fx.as("admin");
    String email = "dora@" + fx.office.domain;

    JsonNode dora = ok(admin.post("/api/admin/users", Client.json("email", email, "name", "Dora", "role", "member",
        "password", "dora's first password")), 201);
    String id = dora.get("id").asText();

    assertThat(fx.anonymous().login(email, "dora's first password").status()).isEqualTo(200);
    assertThat(ok(admin.post("/api/admin/users/" + id + "/rename", Client.json("name", "Dora D.")), 200)
        .get("name").asText()).isEqualTo("Dora D.");
    assertThat(ok(admin.post("/api/admin/users/" + id + "/role", Client.json("role", "manager")), 200)
        .get("role").asText()).isEqualTo("manager");
    assertThat(ok(admin.post("/api/admin/users/" + id + "/deactivate", "{}"), 200).get("active").asBoolean())
        .isFalse();
    assertThat(ok(admin.post("/api/admin/users/" + id + "/reactivate", "{}"), 200).get("active").asBoolean())
        .isTrue();
  }

  @Test
  void aRefusedPasswordOrAMemberShouldCreateNoUser() {
    String email = "eve@" + fx.office.domain;

    Client.Response shortPassword = fx.as("admin").post("/api/admin/users", Client.json("email", email, "name",
        "Eve", "role", "member", "password", "short"));
    Client.Response byMember = fx.as("bob").post("/api/admin/users", Client.json("email", email, "name", "Eve",
        "role", "member", "password", "long enough password"));

    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().get("error").asText()).contains("8 to 1024 characters");
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(fx.mm.admin().users().findByEmail(email, fx.office.admin)).isEmpty();
    assertThat(fx.logins.exists(email)).isFalse();
  }

  @Test
  void anAddressThatLogsInAlreadyShouldNotBeTakenOver() {
    String taken = ServerFixture.email(fx.otherOffice, "alice"); // a login of the other office

    Client.Response r = fx.as("admin").post("/api/admin/users", Client.json("email", taken, "name", "Alias",
        "role", "member", "password", "an attempt to take over"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(fx.anonymous().login(taken, ServerFixture.PASSWORD).json().get("tenant").get("id").asText())
        .isEqualTo(fx.otherOffice.setup.tenant().id().toString());
  }

  @Test
  void rolesAndGrantsShouldBeDefinedAndRevoked() {
    Client admin = fx.as("admin");
    String bob = fx.office.bob.user().toString();

    JsonNode role = ok(admin.post("/api/admin/roles", Client.json("name", "clerk", "permissions",
        List.of("take", "VIEW_REPORTS"))), 200);
    JsonNode grant = ok(admin.post("/api/admin/users/" + bob + "/grants", Client.json("permission", "view-reports")),
        201);
    JsonNode denial = ok(admin.post("/api/admin/users/" + bob + "/grants", Client.json("permission", "TAKE",
        "effect", "deny", "mailbox", fx.office.info.id().toString())), 201);

    assertThat(role.get("permissions").toString()).isEqualTo("[\"TAKE\",\"VIEW_REPORTS\"]");
    assertThat(admin.get("/api/admin/roles").json().findValuesAsText("name")).contains("clerk");
    assertThat(denial.get("effect").asText()).isEqualTo("DENY");
    assertThat(fx.mm.admin().permissions().holds(Permission.VIEW_REPORTS, null, fx.office.bob)).isTrue();
    assertThat(fx.as("bob").get("/api/stats/daily").status()).isEqualTo(200);
    assertThat(admin.get("/api/admin/users/" + bob + "/grants").json()).hasSize(2);
    ok(admin.post("/api/admin/grants/" + grant.get("id").asText() + "/revoke", "{}"), 204);
    assertThat(fx.as("bob").get("/api/stats/daily").status()).isEqualTo(403);
    assertThat(admin.post("/api/admin/users/" + bob + "/grants", Client.json("permission", "FLY")).json()
        .get("error").asText()).contains("permission must be one of");
  }

  @Test
  void mailboxesMembersAndDelegationsShouldBeManaged() {
    Client admin = fx.as("admin");
    String carol = fx.office.carol.user().toString();
    String bob = fx.office.bob.user().toString();

    JsonNode shared = ok(admin.post("/api/admin/mailboxes", Client.json("address", "billing@" + fx.office.domain,
        "name", "Billing")), 201);
    String id = shared.get("id").asText();
    JsonNode personal = ok(admin.post("/api/admin/mailboxes", Client.json("address", "carol.own@"
        + fx.office.domain, "name", "Carol's", "kind", "personal", "owner", carol)), 201);
    ok(admin.post("/api/admin/mailboxes/" + id + "/rename", Client.json("name", "Billing desk")), 200);
    ok(admin.post("/api/admin/mailboxes/" + id + "/members", Client.json("user", bob, "role", "member")), 200);

    assertThat(shared.get("kind").asText()).isEqualTo("shared");
    assertThat(personal.get("owner").asText()).isEqualTo(carol);
    assertThat(fx.as("bob").get("/api/mailboxes").json().findValuesAsText("name")).contains("Billing desk");
    assertThat(admin.get("/api/admin/mailboxes/" + id + "/members").json().findValuesAsText("user")).contains(bob);
    ok(admin.post("/api/admin/mailboxes/" + id + "/members/" + bob + "/remove", "{}"), 204);
    assertThat(fx.as("bob").get("/api/mailboxes").json().findValuesAsText("name")).doesNotContain("Billing desk");
    assertThat(admin.post("/api/admin/mailboxes", Client.json("address", "x@" + fx.office.domain, "name", "X",
        "owner", carol)).json().get("error").asText()).contains("owner is for a personal mailbox");
  }

  @Test
  void anOwnerShouldDelegateTheirPersonalMailboxUntilATimeAndRevokeIt() {
    Client alice = fx.as("alice"); // members hold DELEGATE for their own personal mailbox
    String box = fx.office.alicePersonal.id().toString();
    fx.office.mm.triage().open(fx.office.alicePersonal.id(), "Private matter", fx.office.alice);

    JsonNode d = ok(alice.post("/api/admin/mailboxes/" + box + "/delegations", Client.json("delegate",
        fx.office.bob.user().toString(), "until", "2026-03-09T09:00:00Z")), 201);

    assertThat(d.get("until").asText()).isEqualTo("2026-03-09T09:00:00Z");
    assertThat(alice.get("/api/admin/mailboxes/" + box + "/delegations").json()).hasSize(1);
    assertThat(fx.as("bob").get("/api/conversations?mailbox=" + box).json().get("items")).hasSize(1);
    ok(alice.post("/api/admin/delegations/" + d.get("id").asText() + "/revoke", "{}"), 204);
    assertThat(fx.as("bob").get("/api/conversations?mailbox=" + box).json().get("items")).isEmpty();
    assertThat(alice.post("/api/admin/mailboxes/" + box + "/delegations", Client.json("delegate",
        fx.office.bob.user().toString(), "until", "2020-01-01T00:00:00Z")).status()).isEqualTo(400);
  }
}
