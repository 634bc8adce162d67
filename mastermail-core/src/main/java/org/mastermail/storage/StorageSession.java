package org.mastermail.storage;

import java.util.List;
import org.mastermail.conversation.ConversationSummary;

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

  /** Drafts, the outbound queue, sending accounts and templates. */
  OutboundRepository outbound();

  /** Encrypted passwords and tokens of sources and transports. */
  SecretRepository secrets();

  /**
   * {@link ConversationRepository#query} made for the tenant's access revision {@code accessRevision}; fails with
   * {@link StaleAccessException} when the revision is another one. Implementations may check the revision in the same
   * statement as the query (one round trip, one snapshot); the default checks it first.
   */
  default List<ConversationSummary> queryAtAccessRevision(ConversationQuery query, long accessRevision) {
    long current = tenants().accessRevision(query.tenant());
    if (current != accessRevision) {
      throw new StaleAccessException("access revision of tenant " + query.tenant() + " is " + current + ", not "
          + accessRevision);
    }
    return conversations().query(query);
  }

  StateRepository state();
}
