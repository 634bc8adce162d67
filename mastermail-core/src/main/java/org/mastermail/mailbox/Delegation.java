package org.mastermail.mailbox;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * A personal mailbox handed to a colleague (holiday cover, permanent assistant): the delegate reads it and assigns its
 * conversations, but never sends as its owner. Ends at {@code until} when given.
 */
public record Delegation(TenantId tenant, DelegationId id, MailboxId mailbox, UserId delegate, Instant from,
    @Nullable Instant until) {
  public Delegation {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(delegate, "delegate");
    requireNonNull(from, "from");
  }

  /** Whether the delegation is in force at {@code now}. */
  public boolean activeAt(Instant now) {
    return !now.isBefore(from) && (until == null || now.isBefore(until));
  }
}
