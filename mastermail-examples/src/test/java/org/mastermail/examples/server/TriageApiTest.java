package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.status.DefaultStatuses;

/** Listing and triage through the API, as each user: what core allows and refuses comes back as it is. */
class TriageApiTest {
  private final ServerFixture fx = new ServerFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private static List<String> subjects(Client.Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    page.json().get("items").forEach(c -> out.add(c.get("subject").asText()));
    return out;
  }

  private static String path(Conversation c, String action) {
    return "/api/conversations/" + c.id() + "/" + action;
  }

  @Test
  void aMemberShouldSeeHerOwnConversationsAndTheUnassignedOnes() {
    fx.receive("Unassigned leak");
    fx.office.assignedTo(fx.office.alice, "Alice's keys");
    fx.office.assignedTo(fx.office.bob, "Bob's invoice");

    Client alice = fx.as("alice");

    assertThat(subjects(alice.get("/api/conversations"))).containsExactlyInAnyOrder("Unassigned leak",
        "Alice's keys");
    assertThat(subjects(alice.get("/api/conversations?view=mine"))).containsExactly("Alice's keys");
    assertThat(subjects(alice.get("/api/conversations?view=unassigned"))).containsExactly("Unassigned leak");
    JsonNode counts = alice.get("/api/counts").json();
    assertThat(counts.get("mine").asLong()).isEqualTo(1);
    assertThat(counts.get("unassigned").asLong()).isEqualTo(1);
  }

  @Test
  void aMemberWithoutViewAllShouldBeRefusedTheWholeMailbox() {
    Client bob = fx.as("bob"); // Alice holds VIEW_ALL in her personal mailbox; Bob has none

    assertThat(bob.get("/api/conversations?view=all").status()).isEqualTo(403);
    assertThat(bob.get("/api/counts").json().get("all").isNull()).isTrue();
  }

  @Test
  void aManagerWithViewAllShouldSeeEveryonesWork() {
    fx.office.assignedTo(fx.office.alice, "Alice's keys");
    fx.office.assignedTo(fx.office.bob, "Bob's invoice");

    assertThat(subjects(fx.as("manager").get("/api/conversations?view=all"))).containsExactlyInAnyOrder(
        "Alice's keys", "Bob's invoice");
  }

  @Test
  void takingShouldRemoveTheConversationFromAnotherMembersUnassignedList() {
    Conversation c = fx.receive("Water leak in flat 12");
    Client alice = fx.as("alice");
    Client bob = fx.as("bob");
    assertThat(subjects(bob.get("/api/conversations?view=unassigned"))).contains("Water leak in flat 12");

    Client.Response taken = alice.post(path(c, "take"), Client.json("version", c.version()));

    assertThat(taken.status()).isEqualTo(200);
    assertThat(taken.json().get("assignee").asText()).isEqualTo(fx.office.alice.user().toString());
    assertThat(subjects(alice.get("/api/conversations?view=mine"))).containsExactly("Water leak in flat 12");
    assertThat(subjects(bob.get("/api/conversations?view=unassigned"))).doesNotContain("Water leak in flat 12");
    assertThat(bob.get("/api/conversations/" + c.id()).status()).isEqualTo(404);
  }

  @Test
  void aStatusChangeShouldBeSavedAndBumpTheVersion() {
    Conversation c = fx.receive("Rent question");
    String inProgress = fx.office.status(DefaultStatuses.IN_PROGRESS).id().toString();
    Client alice = fx.as("alice");

    Client.Response r = alice.post(path(c, "status"), Client.json("version", c.version(), "status", inProgress));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo(inProgress);
    assertThat(r.json().get("version").asLong()).isEqualTo(c.version() + 1);
    assertThat(fx.office.reload(c).status().toString()).isEqualTo(inProgress);
  }

  @Test
  void aChangeAgainstAStaleVersionShouldBeRefusedWith409() {
    Conversation c = fx.receive("Two people at once");
    Client alice = fx.as("alice");
    Client bob = fx.as("bob");
    assertThat(bob.post(path(c, "tags"), Client.json("version", c.version(), "add", List.of("bob-was-here")))
        .status()).isEqualTo(200);

    Client.Response late = alice.post(path(c, "take"), Client.json("version", c.version()));

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("status").asInt()).isEqualTo(409);
    assertThat(fx.office.reload(c).unassigned()).isTrue();
  }

  @Test
  void aUserOfAnotherTenantShouldGet404ForThisTenantsConversation() {
    Conversation c = fx.receive("Private to the first office");
    Client stranger = fx.as(fx.otherOffice, "manager");

    assertThat(stranger.get("/api/conversations/" + c.id()).status()).isEqualTo(404);
    assertThat(stranger.post(path(c, "take"), "{}").status()).isEqualTo(404);
    assertThat(stranger.post(path(c, "notes"), Client.json("body", "hello")).status()).isEqualTo(404);
    String message = fx.mm.triage().get(c.id(), fx.office.admin).messages().get(0).id().toString();
    assertThat(stranger.get("/api/messages/" + message + "/raw").status()).isEqualTo(404);
    assertThat(subjects(stranger.get("/api/conversations?view=all"))).isEmpty();
  }

  @Test
  void assigningToAColleagueShouldNeedTheAssignPermission() {
    Conversation c = fx.receive("Who takes this?");
    String bob = fx.office.bob.user().toString();

    Client.Response byMember = fx.as("alice").post(path(c, "assign"), Client.json("assignee", bob));
    Client.Response byManager = fx.as("manager").post(path(c, "assign"), Client.json("assignee", bob));

    assertThat(byMember.status()).isEqualTo(403);
    assertThat(byManager.status()).isEqualTo(200);
    assertThat(byManager.json().get("assignee").asText()).isEqualTo(bob);
  }

  @Test
  void aManagerShouldMoveAColleaguesConversationAndUnassignIt() {
    Conversation c = fx.office.assignedTo(fx.office.alice, "Moving");
    Client manager = fx.as("manager");

    Client.Response moved = manager.post(path(c, "assign"), Client.json("assignee", fx.office.bob.user()
        .toString()));
    Client.Response unassigned = manager.post(path(c, "assign"), Client.json("assignee", null));

    assertThat(moved.json().get("assignee").asText()).isEqualTo(fx.office.bob.user().toString());
    assertThat(unassigned.json().get("assignee").isNull()).isTrue();
  }

  @Test
  void tagsLinksDueDateAndNotesShouldBeSaved() {
    Conversation c = fx.receive("Lots to note");
    Client alice = fx.as("alice");
    alice.post(path(c, "take"), "{}");

    alice.post(path(c, "tags"), Client.json("add", List.of("keys", "urgent")));
    alice.post(path(c, "tags"), Client.json("remove", List.of("urgent")));
    alice.post(path(c, "links"), Client.json("add", List.of(new ApiLink("flat", "12"))));
    Client.Response due = alice.post(path(c, "due"), Client.json("dueAt", "2026-03-04T12:00:00Z", "urgent", true));
    Client.Response note = alice.post(path(c, "notes"), Client.json("body", "Called the tenant back."));

    assertThat(due.json().get("tags").toString()).isEqualTo("[\"keys\"]");
    assertThat(due.json().get("links").get(0).get("type").asText()).isEqualTo("flat");
    assertThat(due.json().get("dueAt").asText()).isEqualTo("2026-03-04T12:00:00Z");
    assertThat(due.json().get("urgent").asBoolean()).isTrue();
    assertThat(note.status()).isEqualTo(201);
    JsonNode details = alice.get("/api/conversations/" + c.id()).json();
    assertThat(details.get("notes").get(0).get("body").asText()).isEqualTo("Called the tenant back.");
    assertThat(details.get("history").toString()).contains("TAGGED", "UNTAGGED", "LINKED", "DUE_CHANGED",
        "NOTE_ADDED");
  }

  @Test
  void readingShouldClearTheUnreadMarkerForTheReaderOnly() {
    Conversation c = fx.receive("Unread at first");
    Client alice = fx.as("alice");
    Client bob = fx.as("bob");

    assertThat(alice.post(path(c, "read"), "{}").status()).isEqualTo(204);

    assertThat(alice.get("/api/conversations").json().get("items").get(0).get("unread").asBoolean()).isFalse();
    assertThat(bob.get("/api/conversations").json().get("items").get(0).get("unread").asBoolean()).isTrue();
    alice.post(path(c, "read"), Client.json("read", false));
    assertThat(alice.get("/api/conversations").json().get("items").get(0).get("unread").asBoolean()).isTrue();
  }

  @Test
  void aLongListShouldComeInPagesFollowingTheCursor() {
    for (int i = 0; i < 5; i++) {
      fx.receive("Message " + i);
    }
    Client alice = fx.as("alice");

    JsonNode first = alice.get("/api/conversations?limit=3").json();
    JsonNode second = alice.get("/api/conversations?limit=3&cursor=" + first.get("nextCursor").asText()).json();

    assertThat(first.get("items")).hasSize(3);
    assertThat(second.get("items")).hasSize(2);
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void filtersShouldNarrowTheList() {
    fx.receive("Heating broken");
    Conversation tagged = fx.receive("Keys lost");
    fx.mm.triage().tag(tagged.ref(), "keys", fx.office.admin);
    Client alice = fx.as("alice");

    assertThat(subjects(alice.get("/api/conversations?tag=keys"))).containsExactly("Keys lost");
    assertThat(subjects(alice.get("/api/conversations?q=heating"))).containsExactly("Heating broken");
    assertThat(subjects(alice.get("/api/conversations?mailbox=" + fx.office.sales.id()))).isEmpty();
    assertThat(subjects(alice.get("/api/conversations?category=closed"))).isEmpty();
    assertThat(alice.get("/api/conversations?view=everything").status()).isEqualTo(400);
  }

  @Test
  void theOfficeShouldBeListedForTheUser() {
    Client alice = fx.as("alice");

    assertThat(alice.get("/api/mailboxes").json().findValuesAsText("address")).contains(
        fx.office.info.address());
    assertThat(alice.get("/api/users").json().findValuesAsText("name")).contains("Alice", "Bob");
    assertThat(alice.get("/api/statuses").json().findValuesAsText("name")).contains(DefaultStatuses.RECEIVED,
        DefaultStatuses.ARCHIVED);
  }

  /** A link as the API takes it. */
  record ApiLink(String type, String id) {}
}
