package org.mastermail.rules.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.rules.Absence;
import org.mastermail.rules.Directory;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/** Users as one rule run sees them: looked up once, with absences and deputies from the host directory. */
final class People {
  private static final int MAX_DEPUTIES = 5;

  private final StorageSession session;
  private final Directory directory;
  private final HostCalls host;
  private final TenantId tenant;
  private final Instant now;
  private final ZoneId zone;
  private final Map<String, Optional<User>> byRef = new HashMap<>();
  private final Map<UserId, Optional<User>> byId = new HashMap<>();
  private final Map<UserId, Optional<Absence>> absences = new HashMap<>();

  People(StorageSession session, Directory directory, HostCalls host, TenantId tenant, Instant now, ZoneId zone) {
    this.session = session;
    this.directory = directory;
    this.host = host;
    this.tenant = tenant;
    this.now = now;
    this.zone = zone;
  }

  /** A user named in a rule: by e-mail address or by id. */
  Optional<User> byReference(String ref) {
    return byRef.computeIfAbsent(ref, r -> {
      if (r.contains("@")) {
        return session.users().findByEmail(tenant, r.toLowerCase(Locale.ROOT));
      }
      try {
        return byId(UserId.of(r));
      } catch (InvalidInputException e) {
        return Optional.empty();
      }
    });
  }

  Optional<User> byId(UserId id) {
    return byId.computeIfAbsent(id, i -> session.users().find(tenant, i));
  }

  Optional<Absence> absence(UserId user) {
    return absences.computeIfAbsent(user, u -> host.call("directory.absence(" + u + ")",
        () -> directory.absence(tenant, u, now), Optional.empty()));
  }

  /** Why {@code user} cannot take work now, or null when they can. */
  @Nullable String unavailable(User user) {
    if (!user.active()) {
      return name(user) + " is deactivated";
    }
    return absence(user.id()).map(a -> name(user) + " is away" + until(a)).orElse(null);
  }

  String until(Absence a) {
    return a.until() == null ? "" : " until " + a.until().atZone(zone).toLocalDate();
  }

  /**
   * {@code target}, or the deputy who stands in for them (following deputies of deputies a few steps), or null with the
   * reason in {@code why}.
   */
  @Nullable User standIn(User target, StringBuilder why) {
    User current = target;
    Set<UserId> seen = new HashSet<>();
    for (int hop = 0; hop <= MAX_DEPUTIES; hop++) {
      if (!seen.add(current.id())) {
        why.append("deputies form a loop");
        return null;
      }
      String reason = unavailable(current);
      if (reason == null) {
        return current;
      }
      why.append(reason);
      UserId deputy = absence(current.id()).map(Absence::deputy).orElse(null);
      if (deputy == null) {
        why.append(" and has no deputy");
        return null;
      }
      Optional<User> next = byId(deputy);
      if (next.isEmpty()) {
        why.append("; deputy ").append(deputy).append(" is not a user");
        return null;
      }
      why.append("; deputy ").append(name(next.get())).append("; ");
      current = next.get();
    }
    why.append("too many deputies in a row");
    return null;
  }

  /** The members of a host-defined team. */
  List<UserId> team(String team) {
    return host.call("directory.team(" + team + ")", () -> directory.team(tenant, team), List.of());
  }

  static String name(User u) {
    return u.displayName() + " <" + u.email() + ">";
  }
}
