package org.mastermail.testkit.internal;

import java.time.Instant;
import java.util.Optional;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.intake.FolderState;
import org.mastermail.intake.SourceId;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.permission.Grant;
import org.mastermail.permission.GrantId;
import org.mastermail.permission.Role;
import org.mastermail.rule.StoredRules;
import org.mastermail.status.Status;
import org.mastermail.status.StatusId;
import org.mastermail.storage.ConversationRepository;
import org.mastermail.storage.EventRepository;
import org.mastermail.storage.MailboxRepository;
import org.mastermail.storage.MessageRepository;
import org.mastermail.storage.OutboundRepository;
import org.mastermail.storage.PermissionRepository;
import org.mastermail.storage.RuleRepository;
import org.mastermail.storage.SecretRepository;
import org.mastermail.storage.SourceRepository;
import org.mastermail.storage.StateRepository;
import org.mastermail.storage.StatusRepository;
import org.mastermail.storage.StorageSession;
import org.mastermail.storage.StoredSecret;
import org.mastermail.storage.TenantRepository;
import org.mastermail.storage.UserRepository;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Lease;
import org.mastermail.testkit.internal.Keys.Member;
import org.mastermail.testkit.internal.Keys.Owned;
import org.mastermail.testkit.internal.Keys.ReadMark;
import org.mastermail.testkit.internal.Keys.Scoped;

/**
 * One open in-memory transaction: the tables it reads and writes and the repositories over them. {@link #commit()}
 * yields the next committed state; after it, or after {@link #close()}, every repository call fails.
 */
public final class MemorySession implements StorageSession {
  private boolean open = true;

  final Table<TenantId, Tenant> tenants;
  final Table<Scoped<UserId>, User> users;
  final Table<Scoped<MailboxId>, Mailbox> mailboxes;
  final Table<Member, MailboxMember> members;
  final Table<Scoped<DelegationId>, Delegation> delegations;
  final Table<Scoped<StatusId>, Status> statuses;
  final Table<Scoped<String>, Role> roles;
  final Table<Scoped<GrantId>, Grant> grants;
  final Table<Scoped<ConversationId>, Conversation> conversations;
  final Table<Scoped<NoteId>, Note> notes;
  final Table<ReadMark, Instant> readMarks;
  final Table<Scoped<MessageId>, MessageMeta> messages;
  final Table<Scoped<EventId>, Event> events;
  final Table<TenantId, Long> accessRevisions;
  final Table<Scoped<MessageId>, MessageContent> contents;
  final Table<Scoped<String>, FolderState> folders;
  final Table<Scoped<String>, Optional<MessageId>> items;
  final Table<Scoped<SourceId>, Lease> leases;
  final Table<Scoped<String>, StoredRules> rules;
  final Table<Scoped<String>, Long> counters;
  final Table<Scoped<String>, Instant> stamps;
  final Table<Scoped<OutboundId>, OutboundMessage> outbound;
  final Table<Scoped<MailboxId>, SendingAccount> sendingAccounts;
  final Table<Scoped<TemplateId>, Owned<Template>> templates;
  final Table<Scoped<String>, StoredSecret> secrets;

  private final MemoryTenants tenantRepository = new MemoryTenants(this);
  private final MemoryUsers userRepository = new MemoryUsers(this);
  private final MemoryMailboxes mailboxRepository = new MemoryMailboxes(this);
  private final MemoryStatuses statusRepository = new MemoryStatuses(this);
  private final MemoryPermissions permissionRepository = new MemoryPermissions(this);
  private final MemoryConversations conversationRepository = new MemoryConversations(this);
  private final MemoryMessages messageRepository = new MemoryMessages(this);
  private final MemoryEvents eventRepository = new MemoryEvents(this);
  private final MemorySources sourceRepository = new MemorySources(this);
  private final MemoryRules ruleRepository = new MemoryRules(this);
  private final MemoryOutbound outboundRepository = new MemoryOutbound(this);
  private final MemorySecrets secretRepository = new MemorySecrets(this);

  public MemorySession(MemoryState base) {
    Runnable guard = this::checkOpen;
    tenants = new Table<>(base.tenants(), guard);
    users = new Table<>(base.users(), guard);
    mailboxes = new Table<>(base.mailboxes(), guard);
    members = new Table<>(base.members(), guard);
    delegations = new Table<>(base.delegations(), guard);
    statuses = new Table<>(base.statuses(), guard);
    roles = new Table<>(base.roles(), guard);
    grants = new Table<>(base.grants(), guard);
    conversations = new Table<>(base.conversations(), guard);
    notes = new Table<>(base.notes(), guard);
    readMarks = new Table<>(base.readMarks(), guard);
    messages = new Table<>(base.messages(), guard);
    events = new Table<>(base.events(), guard);
    accessRevisions = new Table<>(base.accessRevisions(), guard);
    contents = new Table<>(base.contents(), guard);
    folders = new Table<>(base.folders(), guard);
    items = new Table<>(base.items(), guard);
    leases = new Table<>(base.leases(), guard);
    rules = new Table<>(base.rules(), guard);
    counters = new Table<>(base.counters(), guard);
    stamps = new Table<>(base.stamps(), guard);
    outbound = new Table<>(base.outbound(), guard);
    sendingAccounts = new Table<>(base.sendingAccounts(), guard);
    templates = new Table<>(base.templates(), guard);
    secrets = new Table<>(base.secrets(), guard);
  }

  /** Ends the transaction and returns the state it leaves behind. */
  public MemoryState commit() {
    checkOpen();
    open = false;
    return new MemoryState(tenants.snapshot(), users.snapshot(), mailboxes.snapshot(), members.snapshot(),
        delegations.snapshot(), statuses.snapshot(), roles.snapshot(), grants.snapshot(), conversations.snapshot(),
        notes.snapshot(), readMarks.snapshot(), messages.snapshot(), events.snapshot(),
        accessRevisions.snapshot(), contents.snapshot(), folders.snapshot(), items.snapshot(), leases.snapshot(),
        rules.snapshot(), counters.snapshot(), stamps.snapshot(), outbound.snapshot(), sendingAccounts.snapshot(),
        templates.snapshot(), secrets.snapshot());
  }

  /** Ends the transaction without a new state (rollback, or after {@link #commit()}). */
  public void close() {
    open = false;
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("this StorageSession belongs to a transaction that has ended");
    }
  }

  @Override
  public SourceRepository sources() {
    return sourceRepository;
  }

  @Override
  public RuleRepository rules() {
    return ruleRepository;
  }

  @Override
  public StateRepository state() {
    return ruleRepository;
  }

  @Override
  public TenantRepository tenants() {
    checkOpen();
    return tenantRepository;
  }

  @Override
  public UserRepository users() {
    checkOpen();
    return userRepository;
  }

  @Override
  public MailboxRepository mailboxes() {
    checkOpen();
    return mailboxRepository;
  }

  @Override
  public StatusRepository statuses() {
    checkOpen();
    return statusRepository;
  }

  @Override
  public PermissionRepository permissions() {
    checkOpen();
    return permissionRepository;
  }

  @Override
  public ConversationRepository conversations() {
    checkOpen();
    return conversationRepository;
  }

  @Override
  public MessageRepository messages() {
    checkOpen();
    return messageRepository;
  }

  @Override
  public EventRepository events() {
    checkOpen();
    return eventRepository;
  }

  @Override
  public OutboundRepository outbound() {
    checkOpen();
    return outboundRepository;
  }

  @Override
  public SecretRepository secrets() {
    checkOpen();
    return secretRepository;
  }
}
