package org.mastermail.rule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * One rule set as stored: for the whole tenant ({@code mailbox} null) or for one mailbox, as a JSON document the rule
 * engine defines. {@code version} grows with every save; saves against an older version fail.
 */
public record StoredRules(TenantId tenant, @Nullable MailboxId mailbox, String json, long version, Instant updatedAt) {
  public StoredRules {
    requireNonNull(tenant, "tenant");
    requireNonNull(json, "json");
    requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("a stored rule set has version 1 or more, was " + version);
    }
  }

  public Optional<MailboxId> scope() {
    return Optional.ofNullable(mailbox);
  }
}
