package org.mastermail.examples.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import org.mastermail.rules.AbsenceAdmin;
import org.mastermail.rules.AbsenceStore;
import org.mastermail.rules.Directory;
import org.mastermail.rules.RuleEngine;

/**
 * The rule engine of a server and the absences its admins set, which the engine routes by. The REST API needs both:
 * the engine to explain routings and try drafts, the store to set absences.
 */
public record ServerRules(RuleEngine engine, AbsenceStore absences) {
  public ServerRules {
    requireNonNull(engine, "engine");
    requireNonNull(absences, "absences");
  }

  /** An engine on {@code clock} in the office's {@code zone}, whose directory knows the absences of {@code absences}. */
  public static ServerRules create(Clock clock, ZoneId zone, AbsenceStore absences) {
    return new ServerRules(RuleEngine.builder().clock(clock).zone(zone)
        .directory(AbsenceAdmin.directory(absences, Directory.NONE)).build(), absences);
  }
}
