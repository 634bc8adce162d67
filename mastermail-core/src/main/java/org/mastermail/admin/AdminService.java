package org.mastermail.admin;

/**
 * Administration of a tenant, grouped by subject. Every operation takes the acting {@link org.mastermail.Actor} last
 * and is permission-checked like the triage calls: users, roles and grants need MANAGE_PERMISSIONS, mailboxes and
 * their members MANAGE_MAILBOXES, statuses MANAGE_STATUSES; owners delegate their own personal mailbox with DELEGATE.
 * Tenants themselves are created by the host ({@link org.mastermail.MasterMail#createTenant}).
 */
public interface AdminService {
  UserAdmin users();

  PermissionAdmin permissions();

  MailboxAdmin mailboxes();

  StatusAdmin statuses();
}
