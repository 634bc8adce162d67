package org.mastermail.jdbc.internal;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.ConversationRepository;
import org.mastermail.storage.EventRepository;
import org.mastermail.storage.MailboxRepository;
import org.mastermail.storage.MessageRepository;
import org.mastermail.storage.OutboundRepository;
import org.mastermail.storage.SecretRepository;
import org.mastermail.storage.PermissionRepository;
import org.mastermail.storage.RuleRepository;
import org.mastermail.storage.SourceRepository;
import org.mastermail.storage.StateRepository;
import org.mastermail.storage.StatusRepository;
import org.mastermail.storage.StorageSession;
import org.mastermail.storage.TenantRepository;
import org.mastermail.storage.UserRepository;

/** The repositories of one transaction, all on the same Jdbi handle. */
public final class JdbcSession implements StorageSession {
  private final Handle handle;
  private final TenantRepository tenants;
  private final UserRepository users;
  private final MailboxRepository mailboxes;
  private final StatusRepository statuses;
  private final PermissionRepository permissions;
  private final JdbcConversationRepository conversations;
  private final MessageRepository messages;
  private final EventRepository events;
  private final SourceRepository sources;
  private final RuleRepository rules;
  private final StateRepository state;
  private final OutboundRepository outbound;
  private final SecretRepository secrets;

  /** Repositories on {@code handle}, which must be in a transaction. */
  public JdbcSession(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.tenants = new JdbcTenantRepository(handle);
    this.users = new JdbcUserRepository(handle);
    this.mailboxes = new JdbcMailboxRepository(handle);
    this.statuses = new JdbcStatusRepository(handle);
    this.permissions = new JdbcPermissionRepository(handle);
    this.conversations = new JdbcConversationRepository(handle, dialect);
    this.messages = new JdbcMessageRepository(handle, dialect);
    this.events = new JdbcEventRepository(handle);
    this.sources = new JdbcSourceRepository(handle);
    this.rules = new JdbcRuleRepository(handle);
    this.state = new JdbcStateRepository(handle);
    this.outbound = new JdbcOutboundRepository(handle, dialect);
    this.secrets = new JdbcSecretRepository(handle);
  }

  /** The handle of this session's transaction. */
  Handle handle() {
    return handle;
  }

  @Override
  public TenantRepository tenants() {
    return tenants;
  }

  @Override
  public UserRepository users() {
    return users;
  }

  @Override
  public MailboxRepository mailboxes() {
    return mailboxes;
  }

  @Override
  public StatusRepository statuses() {
    return statuses;
  }

  @Override
  public PermissionRepository permissions() {
    return permissions;
  }

  @Override
  public ConversationRepository conversations() {
    return conversations;
  }

  @Override
  public MessageRepository messages() {
    return messages;
  }

  @Override
  public EventRepository events() {
    return events;
  }

  @Override
  public SourceRepository sources() {
    return sources;
  }

  /** The page and the access revision in one statement, one snapshot. */
  @Override
  public List<ConversationSummary> queryAtAccessRevision(ConversationQuery query, long accessRevision) {
    return conversations.queryAtAccessRevision(query, accessRevision);
  }

  @Override
  public RuleRepository rules() {
    return rules;
  }

  @Override
  public StateRepository state() {
    return state;
  }

  @Override
  public OutboundRepository outbound() {
    return outbound;
  }

  @Override
  public SecretRepository secrets() {
    return secrets;
  }
}
