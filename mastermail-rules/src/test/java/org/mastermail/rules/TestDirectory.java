package org.mastermail.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.EntityRef;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** A host directory held in maps, for tests. */
final class TestDirectory implements Directory {
  private final Map<String, Contact> contacts = new HashMap<>();
  private final Map<String, List<UserId>> teams = new HashMap<>();
  private final List<Absence> absences = new ArrayList<>();
  private boolean failing;

  /** Makes every lookup throw, as a host whose CRM is down. */
  TestDirectory failing() {
    failing = true;
    return this;
  }

  private void check() {
    if (failing) {
      throw new IllegalStateException("CRM unreachable");
    }
  }

  TestDirectory contact(String address, @Nullable EntityRef entity, @Nullable UserId accountManager) {
    contacts.put(address, new Contact(address, null, entity, accountManager));
    return this;
  }

  TestDirectory team(String name, UserId... members) {
    teams.put(name, List.of(members));
    return this;
  }

  TestDirectory away(UserId user, @Nullable Instant until, @Nullable UserId deputy) {
    absences.add(new Absence(user, until, deputy));
    return this;
  }

  @Override
  public Optional<Contact> contact(TenantId tenant, String address) {
    check();
    return Optional.ofNullable(contacts.get(address));
  }

  @Override
  public List<UserId> team(TenantId tenant, String team) {
    check();
    return teams.getOrDefault(team, List.of());
  }

  @Override
  public Optional<Absence> absence(TenantId tenant, UserId user, Instant at) {
    check();
    return absences.stream().filter(a -> a.user().equals(user) && (a.until() == null || at.isBefore(a.until())))
        .findFirst();
  }
}
