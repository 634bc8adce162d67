package org.mastermail.storage;

/** The repositories of one open transaction. Valid only inside {@link Storage#inTransaction}. */
public interface StorageSession {
  TenantRepository tenants();

  UserRepository users();

  MailboxRepository mailboxes();

  StatusRepository statuses();

  PermissionRepository permissions();

  ConversationRepository conversations();

  MessageRepository messages();

  EventRepository events();

  SourceRepository sources();

  RuleRepository rules();

  StateRepository state();
}
