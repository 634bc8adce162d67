package org.mastermail.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mastermail.rules.Action;
import org.mastermail.rules.Rule;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/** The team strategies: round-robin on a shared counter, least-loaded with capacity, random. */
final class Teams {
  /** Counter names: one rotation per team name, shared by every rule and node that uses it. */
  static final String COUNTER_PREFIX = "rules.rr.";

  private Teams() {}

  static String assign(Action.AssignTeam team, Rule rule, Evaluation run) {
    String what = "assign team " + team.name() + " (" + team.strategy().json() + ")";
    People people = run.people();
    List<User> members = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (team.members().isEmpty()) {
      for (UserId id : people.team(team.name())) {
        people.byId(id).ifPresentOrElse(members::add, () -> notes.add(id + " is not a user"));
      }
    } else {
      for (String ref : team.members()) {
        people.byReference(ref).ifPresentOrElse(members::add, () -> notes.add(ref + " is not a user"));
      }
    }
    List<User> available = new ArrayList<>();
    for (User u : members) {
      String reason = people.unavailable(u);
      if (reason == null) {
        available.add(u);
      } else {
        notes.add("skipped " + reason);
      }
    }
    String skipped = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    if (available.isEmpty()) {
      return what + ": nobody available" + skipped + " — left unassigned";
    }
    User chosen;
    String how;
    switch (team.strategy()) {
      case ROUND_ROBIN: {
        long turn = run.effects().next(run.message().tenant(), COUNTER_PREFIX + team.name());
        int i = (int) Math.floorMod(turn - 1, (long) available.size());
        chosen = available.get(i);
        how = "turn " + turn + " of the shared rotation → member " + (i + 1) + " of " + available.size() + " available";
        break;
      }
      case LEAST_LOADED: {
        Optional<User> least = leastLoaded(team, available, run, notes);
        if (least.isEmpty()) {
          return what + ": everyone is at capacity " + team.capacity() + " (" + String.join("; ", notes)
              + ") — left unassigned";
        }
        chosen = least.get();
        how = "least loaded: " + notes.get(notes.size() - 1);
        notes.remove(notes.size() - 1);
        skipped = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
        break;
      }
      default: {
        int i = run.settings().random().nextInt(available.size());
        chosen = available.get(i);
        how = "random pick among " + Evaluation.names(available);
        break;
      }
    }
    run.choose(chosen, rule, "team " + team.name() + ", " + how + skipped);
    return what + " → " + People.name(chosen) + ": " + how + skipped;
  }

  /** The member with the fewest conversations not closed, below capacity; the loads go last into {@code notes}. */
  private static Optional<User> leastLoaded(Action.AssignTeam team, List<User> available, Evaluation run,
      List<String> notes) {
    Set<StatusId> open = run.statuses().stream().filter(s -> s.category() != StatusCategory.CLOSED)
        .map(Status::id).collect(Collectors.toSet());
    Set<UserId> ids = available.stream().map(User::id).collect(Collectors.toSet());
    Map<UserId, Long> counts = run.session().conversations().countByAssignee(run.message().tenant(), ids, open);
    Map<User, Long> loads = new LinkedHashMap<>();
    User best = null;
    long bestLoad = Long.MAX_VALUE;
    for (User u : available) {
      long load = counts.getOrDefault(u.id(), 0L) + run.effects().extraLoad(u.id());
      loads.put(u, load);
      if (team.capacity() != null && load >= team.capacity()) {
        continue;
      }
      if (load < bestLoad) {
        best = u;
        bestLoad = load;
      }
    }
    notes.add("open conversations " + loads.entrySet().stream().map(e -> e.getKey().displayName() + " " + e.getValue())
        .collect(Collectors.joining(", ")) + (team.capacity() == null ? "" : ", capacity " + team.capacity()));
    return Optional.ofNullable(best);
  }
}
