package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mastermail.conversation.Conversation;
import org.mastermail.permission.Permission;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.testkit.contract.Office;

/**
 * Every admin route: 401 without a session, 403 without the CSRF token for changes, 403 for a plain member where core
 * refuses, and an id of another tenant answered as core answers it — never acted on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAccessTest {
  private ServerFixture fx;
  private Route[] all;

  /** One request: a GET when {@code body} is null, else a JSON POST. */
  record Route(String path, String body) {
    boolean change() {
      return body != null;
    }

    Client.Response send(Client c) {
      return change() ? c.post(path, body) : c.get(path);
    }

    @Override
    public String toString() {
      return (change() ? "POST " : "GET ") + path;
    }
  }

  @BeforeAll
  void start() {
    fx = new ServerFixture();
    all = routes(fx.office);
  }

  @AfterAll
  void stop() {
    fx.close();
  }

  /** Every admin route with ids of {@code o} and a body that would be accepted. */
  private Route[] routes(Office o) {
    Conversation c = fx.receive(o, o.info, org.mastermail.testkit.contract.Mails.from("jan@client.example",
        o.info.address(), "Keys"));
    String message = fx.mm.triage().get(c.id(), o.admin).messages().get(0).id().toString();
    String status = o.status(DefaultStatuses.IN_PROGRESS).id().toString();
    String bob = o.bob.user().toString();
    String alice = o.alice.user().toString();
    String grant = fx.mm.admin().permissions().grant(o.bob.user(), null, Permission.VIEW_REPORTS,
        Set.of(), o.admin).id().toString();
    // to the manager: a delegate may give a delegation back, so it must not be the member refused below
    String delegation = fx.mm.admin().mailboxes().delegate(o.alicePersonal.id(), o.manager.user(), null, o.admin)
        .id().toString();
    String info = o.info.id().toString();
    String rules = "{\"rules\": [{\"id\": \"r\", \"actions\": [{\"tag\": \"t\"}]}]}";
    return new Route[] {
        new Route("/api/admin/statuses", null),
        new Route("/api/admin/statuses", Client.json("name", "Escalated", "category", "open")),
        new Route("/api/admin/statuses/order", Client.json("order", List.of(status))),
        new Route("/api/admin/statuses/" + status, Client.json("name", "Working")),
        new Route("/api/admin/statuses/" + status + "/transitions", Client.json("allowedNext", List.of())),
        new Route("/api/admin/statuses/" + status + "/delete", Client.json("replacement", null)),
        new Route("/api/admin/users", null),
        new Route("/api/admin/users", Client.json("email", "new@" + o.domain, "name", "New", "role", "member")),
        new Route("/api/admin/users/" + alice + "/rename", Client.json("name", "Robert")),
        new Route("/api/admin/users/" + alice + "/role", Client.json("role", "manager")),
        new Route("/api/admin/users/" + alice + "/deactivate", "{}"),
        new Route("/api/admin/users/" + alice + "/reactivate", "{}"),
        new Route("/api/admin/roles", null),
        new Route("/api/admin/roles", Client.json("name", "clerk", "permissions", List.of("TAKE"))),
        new Route("/api/admin/users/" + alice + "/grants", null),
        new Route("/api/admin/users/" + alice + "/grants", Client.json("permission", "VIEW_ALL")),
        new Route("/api/admin/grants/" + grant + "/revoke", "{}"),
        new Route("/api/admin/mailboxes", null),
        new Route("/api/admin/mailboxes", Client.json("address", "new-box@" + o.domain, "name", "New")),
        new Route("/api/admin/mailboxes/" + info + "/rename", Client.json("name", "Information")),
        new Route("/api/admin/mailboxes/" + info + "/members", null),
        new Route("/api/admin/mailboxes/" + info + "/members", Client.json("user", bob, "role", "manager")),
        new Route("/api/admin/mailboxes/" + info + "/members/" + alice + "/remove", "{}"),
        new Route("/api/admin/mailboxes/" + o.alicePersonal.id() + "/delegations", null),
        new Route("/api/admin/mailboxes/" + o.alicePersonal.id() + "/delegations", Client.json("delegate", bob)),
        new Route("/api/admin/delegations/" + delegation + "/revoke", "{}"),
        new Route("/api/admin/rules?mailbox=" + info, null),
        new Route("/api/admin/rules", "{\"mailbox\": \"" + info + "\", \"version\": 0, \"rules\": " + rules + "}"),
        new Route("/api/admin/rules/dry-run", "{\"mailbox\": \"" + info + "\", \"rules\": " + rules + "}"),
        new Route("/api/admin/rules/explain?message=" + message, null),
        new Route("/api/admin/absences", null),
        new Route("/api/admin/absences", Client.json("user", alice, "deputy", bob)),
        new Route("/api/admin/absences/" + alice + "/clear", "{}"),
    };
  }

  Stream<Route> everyRoute() {
    return Stream.of(all);
  }

  Stream<Route> everyChange() {
    return Stream.of(all).filter(Route::change);
  }

  /**
   * What core lets a member do anyway is left out: list statuses, colleagues, the mailboxes they see and the members
   * of those.
   */
  Stream<Route> refusedToMembers() {
    Set<String> open = Set.of("GET /api/admin/statuses", "GET /api/admin/users",
        "GET /api/admin/mailboxes", "GET /api/admin/mailboxes/" + fx.office.info.id() + "/members");
    return Stream.of(all).filter(r -> !open.contains(r.toString()));
  }

  /** The routes naming an id of the first office (all but the lists and the creations). */
  Stream<Route> namingAnId() {
    return Stream.of(all).filter(r -> r.path().matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRoute")
  void everyAdminRouteShouldAnswer401WithoutASession(Route r) {
    Client.Response answer = r.send(fx.anonymous());

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("error").asText()).isEqualTo("not logged in");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChange")
  void everyAdminChangeWithoutTheCsrfTokenShouldBeRefusedWith403(Route r) {
    Client.Response answer = fx.as("admin").postWithCsrf(r.path(), r.body(), null);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).contains("X-CSRF-Token");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedToMembers")
  void aPlainMemberShouldBeRefusedWhatCoreRefuses(Route r) {
    Client.Response answer = r.send(fx.as("bob"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().get("error").asText()).containsPattern("MANAGE_|DELEGATE|VIEW_ALL");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namingAnId")
  void anotherTenantsAdminShouldNotFindThisTenantsIds(Route r) {
    Client.Response answer = r.send(fx.as(fx.otherOffice, "admin"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
  }
}
