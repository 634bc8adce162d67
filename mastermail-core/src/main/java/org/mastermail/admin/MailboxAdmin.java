package org.mastermail.admin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.tenant.UserId;

/** Mailboxes, their members and delegations. */
public interface MailboxAdmin {
  /** A company or process address (info@, helpdesk@); MANAGE_MAILBOXES. Addresses are unique in the tenant. */
  Mailbox createShared(String address, String name, Actor actor);

  /** One person's mailbox, seen only by them and their delegates; MANAGE_MAILBOXES. */
  Mailbox createPersonal(String address, String name, UserId owner, Actor actor);

  Mailbox rename(MailboxId mailbox, String name, Actor actor);

  /** Adds a member to a shared mailbox, or changes their role there; MANAGE_MAILBOXES. */
  MailboxMember addMember(MailboxId mailbox, UserId user, String role, Actor actor);

  void removeMember(MailboxId mailbox, UserId user, Actor actor);

  /** Members of a mailbox: for its members and for MANAGE_MAILBOXES. */
  List<MailboxMember> members(MailboxId mailbox, Actor actor);

  /** The mailboxes the actor sees (all of them with MANAGE_MAILBOXES). */
  List<Mailbox> list(Actor actor);

  /**
   * Hands a personal mailbox to a colleague until {@code until} (null: until revoked): the owner with DELEGATE, or
   * MANAGE_MAILBOXES. The delegate reads and assigns but never sends as the owner.
   */
  Delegation delegate(MailboxId mailbox, UserId delegate, @Nullable Instant until, Actor actor);

  void revokeDelegation(DelegationId delegation, Actor actor);

  List<Delegation> delegations(MailboxId mailbox, Actor actor);
}
