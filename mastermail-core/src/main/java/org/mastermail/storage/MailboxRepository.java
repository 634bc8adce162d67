package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Mailboxes, their members and delegations. */
public interface MailboxRepository {
  /** Inserts a mailbox; throws {@link DuplicateKeyException} when the address is taken in the tenant. */
  void insert(Mailbox mailbox);

  void update(Mailbox mailbox);

  Optional<Mailbox> find(TenantId tenant, MailboxId id);

  Optional<Mailbox> findByAddress(TenantId tenant, String address);

  /** All mailboxes of the tenant, by address. */
  List<Mailbox> list(TenantId tenant);

  /** Adds the member or replaces their role. */
  void putMember(MailboxMember member);

  /** Returns whether a membership was removed. */
  boolean removeMember(TenantId tenant, MailboxId mailbox, UserId user);

  List<MailboxMember> members(TenantId tenant, MailboxId mailbox);

  /** The memberships of one user. */
  List<MailboxMember> membershipsOf(TenantId tenant, UserId user);

  void insertDelegation(Delegation delegation);

  /** Returns whether a delegation was removed. */
  boolean deleteDelegation(TenantId tenant, DelegationId id);

  /** Delegations of one mailbox, past, present and future. */
  List<Delegation> delegationsOf(TenantId tenant, MailboxId mailbox);

  /** Delegations held by one user, past, present and future. */
  List<Delegation> delegationsTo(TenantId tenant, UserId delegate);
}
