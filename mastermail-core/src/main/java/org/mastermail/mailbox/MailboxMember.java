package org.mastermail.mailbox;

import static java.util.Objects.requireNonNull;

import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** A user's membership of a shared mailbox, with the role that applies in it. */
public record MailboxMember(TenantId tenant, MailboxId mailbox, UserId user, String role) {
  public MailboxMember {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(user, "user");
    requireNonNull(role, "role");
  }
}
