package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.conversation.Conversation;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.contract.Mails;
import org.mastermail.testkit.contract.Office;
import org.mastermail.testkit.InMemoryStorage;

/** Absences set by an admin: checked like any admin change, and routing hands the absent user's mail to the deputy. */
class AbsenceAdminTest {
  private final MutableClock clock = MutableClock.atDefaultStart();
  private final AbsenceStore store = AbsenceStore.inMemory();
  private final RuleEngine engine = RuleEngine.builder().clock(clock)
      .directory(AbsenceAdmin.directory(store, Directory.NONE)).build();
  private final MasterMail mm = MasterMail.builder().storage(new InMemoryStorage()).clock(clock).router(engine)
      .build();
  private final Office o = Office.create(mm);
  private final AbsenceAdmin absences = AbsenceAdmin.of(mm, store);

  private Conversation mailForAlice() {
    RuleAdmin.of(mm).saveJson(null, "{\"rules\": [{\"id\": \"a\", \"actions\": [{\"assign\": \"alice@" + o.domain
        + "\"}]}]}", RuleAdmin.of(mm).load(null, o.admin).map(RuleAdmin.Versioned::version).orElse(0L), o.admin);
    var r = mm.intake().ingest(o.setup.tenant().id(), o.info.id(), new java.io.ByteArrayInputStream(
        Mails.from("jan@client.example", o.info.address(), "Keys").bytes()), null);
    return mm.triage().get(r.conversation(), o.admin).conversation();
  }

  @Test
  void anAbsentUsersMailShouldGoToTheDeputyUntilTheAbsenceEnds() {
    Instant back = clock.instant().plus(Duration.ofDays(7));

    Absence set = absences.set(o.alice.user(), back, o.bob.user(), o.admin);

    assertThat(absences.list(o.admin)).containsExactly(set);
    assertThat(mailForAlice().assignee()).isEqualTo(o.bob.user());
    clock.advance(Duration.ofDays(8));
    assertThat(mailForAlice().assignee()).isEqualTo(o.alice.user());
  }

  @Test
  void clearingShouldEndTheAbsenceAtOnce() {
    absences.set(o.alice.user(), null, o.bob.user(), o.admin);

    absences.clear(o.alice.user(), o.admin);

    assertThat(absences.list(o.admin)).isEmpty();
    assertThat(mailForAlice().assignee()).isEqualTo(o.alice.user());
    assertThatThrownBy(() -> absences.clear(o.alice.user(), o.admin)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void membersShouldNeedManageRules() {
    assertThatThrownBy(() -> absences.set(o.alice.user(), null, null, o.bob))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("MANAGE_RULES");
    assertThatThrownBy(() -> absences.list(o.bob)).isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> absences.clear(o.alice.user(), o.bob)).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void usersOfAnotherTenantShouldNotBeFound() {
    Office other = Office.create(mm);

    assertThatThrownBy(() -> absences.set(other.alice.user(), null, null, o.admin))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> absences.set(o.alice.user(), null, other.bob.user(), o.admin))
        .isInstanceOf(NotFoundException.class);
    absences.set(o.alice.user(), null, null, o.admin);
    assertThat(absences.list(other.admin)).isEmpty();
    assertThatThrownBy(() -> absences.clear(o.alice.user(), other.admin)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPastEndOrTheUserAsTheirOwnDeputyShouldBeRefused() {
    assertThatThrownBy(() -> absences.set(o.alice.user(), clock.instant(), null, o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
    assertThatThrownBy(() -> absences.set(o.alice.user(), null, o.alice.user(), o.admin))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("deputy");
  }
}
