package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.tenant.UserId;

/**
 * A user away from work (holiday, illness).
 *
 * @param until when they are back, or null when unknown
 * @param deputy who takes their mail meanwhile, or null (then their mail stays unassigned for the team)
 */
public record Absence(UserId user, @Nullable Instant until, @Nullable UserId deputy) {
  public Absence {
    requireNonNull(user, "user");
  }
}
