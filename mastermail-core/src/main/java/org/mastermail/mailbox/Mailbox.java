package org.mastermail.mailbox;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * An address the office works from. A {@link MailboxKind#PERSONAL} mailbox has an owner; a shared one has none.
 * Addresses are unique within a tenant and stored lower-case.
 */
public record Mailbox(TenantId tenant, MailboxId id, String address, String name, MailboxKind kind,
    @Nullable UserId owner) {
  public Mailbox {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(address, "address");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    if ((kind == MailboxKind.PERSONAL) != (owner != null)) {
      throw new IllegalArgumentException("a personal mailbox has exactly one owner, a shared one none");
    }
  }

  public Optional<UserId> ownerIfPersonal() {
    return Optional.ofNullable(owner);
  }

  public Mailbox withName(String newName) {
    return new Mailbox(tenant, id, address, newName, kind, owner);
  }
}
