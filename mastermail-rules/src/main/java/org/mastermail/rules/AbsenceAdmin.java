package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.permission.Permission;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Who is away and who stands in, set by a user: the routing side of a holiday. While a user is away, rules that would
 * assign them mail assign it to the deputy (or leave it unassigned without one), and {@code {absence}} in automatic
 * replies says until when. Everything here needs {@code MANAGE_RULES}, since an absence changes where mail goes.
 *
 * <pre>{@code
 * AbsenceStore absences = new JdbcAbsences(jdbi);                       // or AbsenceStore.inMemory()
 * RuleEngine rules = RuleEngine.builder().directory(AbsenceAdmin.directory(absences, crm)).build();
 * AbsenceAdmin.of(mm, absences).set(alice, Instant.parse("2026-03-16T08:00:00Z"), bob, admin);
 * }</pre>
 */
public final class AbsenceAdmin {
  private final MasterMail mm;
  private final AbsenceStore store;

  private AbsenceAdmin(MasterMail mm, AbsenceStore store) {
    this.mm = requireNonNull(mm, "mm");
    this.store = requireNonNull(store, "store");
  }

  public static AbsenceAdmin of(MasterMail mm, AbsenceStore store) {
    return new AbsenceAdmin(mm, store);
  }

  /**
   * A directory that answers {@link Directory#absence} from {@code store} (an absence ends at its {@code until}) and
   * everything else from {@code host}.
   */
  public static Directory directory(AbsenceStore store, Directory host) {
    requireNonNull(store, "store");
    requireNonNull(host, "host");
    return new Directory() {
      @Override
      public Optional<Contact> contact(TenantId tenant, String address) {
        return host.contact(tenant, address);
      }

      @Override
      public List<UserId> team(TenantId tenant, String team) {
        return host.team(tenant, team);
      }

      @Override
      public Optional<Absence> absence(TenantId tenant, UserId user, Instant at) {
        Optional<Absence> set = store.find(tenant, user).filter(a -> a.until() == null || at.isBefore(a.until()));
        return set.isPresent() ? set : host.absence(tenant, user, at);
      }
    };
  }

  /** The tenant's absences, ended ones included until they are cleared. */
  public List<Absence> list(Actor actor) {
    require(actor);
    return store.list(actor.tenant());
  }

  /**
   * Marks {@code user} away until {@code until} (null: until cleared) with {@code deputy} standing in (null: their mail
   * stays unassigned for the team), replacing an absence set before.
   *
   * @throws NotFoundException when the user or the deputy is no user of the actor's tenant
   * @throws InvalidInputException when {@code until} has passed, or the deputy is the user or deactivated
   */
  public Absence set(UserId user, @Nullable Instant until, @Nullable UserId deputy, Actor actor) {
    requireNonNull(user, "user");
    require(actor);
    userOf(user, actor);
    if (deputy != null) {
      if (deputy.equals(user)) {
        throw new InvalidInputException("a deputy stands in for someone else: the deputy is the absent user");
      }
      if (!userOf(deputy, actor).active()) {
        throw new InvalidInputException("deputy " + deputy + " is deactivated and cannot take mail");
      }
    }
    if (until != null && !until.isAfter(mm.clock().instant())) {
      throw new InvalidInputException("until must be in the future, was " + until);
    }
    Absence absence = new Absence(user, until, deputy);
    store.save(actor.tenant(), absence);
    return absence;
  }

  /**
   * Ends {@code user}'s absence.
   *
   * @throws NotFoundException when they have none (or are no user of the actor's tenant)
   */
  public void clear(UserId user, Actor actor) {
    requireNonNull(user, "user");
    require(actor);
    if (!store.remove(actor.tenant(), user)) {
      throw new NotFoundException("user " + user + " has no absence set");
    }
  }

  private void require(Actor actor) {
    requireNonNull(actor, "actor");
    mm.admin().permissions().require(Permission.MANAGE_RULES, null, actor);
  }

  private User userOf(UserId user, Actor actor) {
    return mm.admin().users().find(user, actor)
        .orElseThrow(() -> new NotFoundException("user " + user + " not found"));
  }
}
