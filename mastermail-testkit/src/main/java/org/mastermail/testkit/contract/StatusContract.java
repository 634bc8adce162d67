package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.permission.Permission;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;

/** Tenant-defined statuses: defaults, transitions, per-status permission, rename / reorder / remove. */
public interface StatusContract extends EngineFixture {
  @Test
  default void newTenantShouldStartWithTheFiveDefaultStatuses() {
    Office o = newOffice();
    assertThat(o.mm.admin().statuses().list(o.alice)).extracting(Status::name, Status::category).containsExactly(
        tuple(DefaultStatuses.RECEIVED, StatusCategory.OPEN),
        tuple(DefaultStatuses.IN_PROGRESS, StatusCategory.OPEN),
        tuple(DefaultStatuses.WAITING_FOR_ANSWER, StatusCategory.WAITING),
        tuple(DefaultStatuses.WAITING_FOR_URGENT_ANSWER, StatusCategory.WAITING),
        tuple(DefaultStatuses.ARCHIVED, StatusCategory.CLOSED));
    assertThat(o.open(o.info, "new").status()).isEqualTo(o.status(DefaultStatuses.RECEIVED).id());
  }

  @Test
  default void statusesShouldBelongToOneTenant() {
    Office a = newOffice();
    Office b = newOffice();
    a.mm.admin().statuses().add("with the lawyer", StatusCategory.WAITING, a.admin);
    assertThat(b.mm.admin().statuses().list(b.admin)).extracting(Status::name).doesNotContain("with the lawyer");
    assertThatThrownBy(() -> b.mm.triage().setStatus(b.open(b.info, "x").ref(), a.status("archived").id(), b.admin))
        .hasMessageContaining("not found");
  }

  @Test
  default void transitionsShouldBeEnforcedWhenDefined() {
    Office o = newOffice();
    Status received = o.status(DefaultStatuses.RECEIVED);
    Status inProgress = o.status(DefaultStatuses.IN_PROGRESS);
    Status archived = o.status(DefaultStatuses.ARCHIVED);
    o.mm.admin().statuses().setTransitions(received.id(), Set.of(inProgress.id()), o.admin);
    Conversation c = o.assignedTo(o.alice, "x");

    assertThatThrownBy(() -> o.mm.triage().setStatus(c.ref(), archived.id(), o.alice))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'received' may not change to 'archived'");
    assertThat(o.reload(c).status()).isEqualTo(received.id());
    Conversation moved = o.mm.triage().setStatus(c.ref(), inProgress.id(), o.alice);
    assertThat(o.mm.triage().setStatus(moved.ref(), archived.id(), o.alice).status()).isEqualTo(archived.id());
  }

  @Test
  default void setStatusGrantShouldBeLimitableToNamedStatuses() {
    Office o = newOffice();
    Status inProgress = o.status(DefaultStatuses.IN_PROGRESS);
    Status archived = o.status(DefaultStatuses.ARCHIVED);
    o.mm.admin().permissions().grant(o.alice.user(), o.info.id(), Permission.SET_STATUS, Set.of(inProgress.id()),
        o.admin);
    Conversation c = o.assignedTo(o.alice, "x");

    Conversation moved = o.mm.triage().setStatus(c.ref(), inProgress.id(), o.alice);
    assertThatThrownBy(() -> o.mm.triage().setStatus(moved.ref(), archived.id(), o.alice))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("'archived'");
  }

  @Test
  default void denyingOneStatusShouldLeaveTheOthers() {
    Office o = newOffice();
    Status archived = o.status(DefaultStatuses.ARCHIVED);
    o.mm.admin().permissions().deny(o.alice.user(), null, Permission.SET_STATUS, Set.of(archived.id()), o.admin);
    Conversation c = o.assignedTo(o.alice, "x");

    assertThatThrownBy(() -> o.mm.triage().setStatus(c.ref(), archived.id(), o.alice))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(o.mm.triage().setStatus(c.ref(), o.status(DefaultStatuses.WAITING_FOR_ANSWER).id(), o.alice).version())
        .isGreaterThan(c.version());
  }

  @Test
  default void removingAStatusInUseShouldRequireAReplacement() {
    Office o = newOffice();
    Status waiting = o.status(DefaultStatuses.WAITING_FOR_ANSWER);
    Status inProgress = o.status(DefaultStatuses.IN_PROGRESS);
    Conversation c = o.mm.triage().setStatus(o.assignedTo(o.alice, "x").ref(), waiting.id(), o.alice);

    assertThatThrownBy(() -> o.mm.admin().statuses().remove(waiting.id(), null, o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("used by 1 conversation");
    assertThat(o.mm.admin().statuses().list(o.admin)).extracting(Status::id).contains(waiting.id());

    o.mm.admin().statuses().remove(waiting.id(), inProgress.id(), o.admin);
    assertThat(o.mm.admin().statuses().list(o.admin)).extracting(Status::id).doesNotContain(waiting.id());
    Conversation after = o.reload(c);
    assertThat(after.status()).isEqualTo(inProgress.id());
    assertThat(after.version()).isGreaterThan(c.version());
  }

  @Test
  default void statusesShouldBeRenamedReorderedAndAdded() {
    Office o = newOffice();
    Status received = o.status(DefaultStatuses.RECEIVED);
    o.mm.admin().statuses().rename(received.id(), "new", o.admin);
    Status onHold = o.mm.admin().statuses().add("on hold", StatusCategory.WAITING, o.admin);
    var ids = new ArrayList<>(o.mm.admin().statuses().list(o.admin).stream().map(Status::id).toList());
    ids.remove(onHold.id());
    ids.add(0, onHold.id());
    o.mm.admin().statuses().reorder(ids, o.admin);

    assertThat(o.mm.admin().statuses().list(o.admin)).extracting(Status::name)
        .containsExactly("on hold", "new", "in progress", "waiting for answer", "waiting for urgent answer", "archived");
    assertThat(o.open(o.info, "x").status()).isEqualTo(onHold.id());
  }

  @Test
  default void badStatusEditsShouldBeRefusedAndChangeNothing() {
    Office o = newOffice();
    Status received = o.status(DefaultStatuses.RECEIVED);
    var before = o.mm.admin().statuses().list(o.admin);

    assertThatThrownBy(() -> o.mm.admin().statuses().add(" ", StatusCategory.OPEN, o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("status name");
    assertThatThrownBy(() -> o.mm.admin().statuses().add("Archived", StatusCategory.CLOSED, o.admin))
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> o.mm.admin().statuses().reorder(List.of(received.id()), o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly once");
    assertThatThrownBy(() -> o.mm.admin().statuses().remove(received.id(), received.id(), o.admin))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> o.mm.triage().setStatus(ConversationRef.latest(o.open(o.info, "x").id()),
        StatusId.random(), o.admin)).hasMessageContaining("not found");
    assertThat(o.mm.admin().statuses().list(o.admin)).isEqualTo(before);
  }
}
