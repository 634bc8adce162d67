package org.mastermail.permission;

/** What an actor may do. Mailbox-scoped ones apply per mailbox; the MANAGE_* ones and VIEW_REPORTS tenant-wide. */
public enum Permission {
  /** See every conversation of a mailbox, not just one's own and the unassigned ones. */
  VIEW_ALL(true),
  /** Assign an unassigned conversation to oneself. */
  TAKE(true),
  /** Give a conversation to someone else. */
  ASSIGN(true),
  /** Move a conversation away from the colleague it is assigned to. */
  REASSIGN(true),
  /** Change status (a grant may name the only statuses allowed). */
  SET_STATUS(true),
  /** Send from the mailbox's address. Never held by delegates. */
  SEND_AS(true),
  /** Edit routing rules. */
  MANAGE_RULES(false),
  /** Edit the tenant's statuses. */
  MANAGE_STATUSES(false),
  /** Create mailboxes and manage their members and delegations. */
  MANAGE_MAILBOXES(false),
  /** Manage users, roles, grants and denials. */
  MANAGE_PERMISSIONS(false),
  /** Read daily statistics. */
  VIEW_REPORTS(false),
  /** Delegate one's own personal mailbox. */
  DELEGATE(false);

  private final boolean mailboxScoped;

  Permission(boolean mailboxScoped) {
    this.mailboxScoped = mailboxScoped;
  }

  /** Whether the permission is decided per mailbox (otherwise tenant-wide). */
  public boolean mailboxScoped() {
    return mailboxScoped;
  }
}
