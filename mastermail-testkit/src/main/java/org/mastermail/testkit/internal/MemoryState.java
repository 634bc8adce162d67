package org.mastermail.testkit.internal;

import java.time.Instant;
import java.util.Map;
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
import org.mastermail.storage.StoredSecret;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Lease;
import org.mastermail.testkit.internal.Keys.Member;
import org.mastermail.testkit.internal.Keys.Owned;
import org.mastermail.testkit.internal.Keys.ReadMark;
import org.mastermail.testkit.internal.Keys.Scoped;

/** One committed state of the in-memory storage. Never changed: a commit replaces it with a new one. */
public record MemoryState(
    Map<TenantId, Tenant> tenants,
    Map<Scoped<UserId>, User> users,
    Map<Scoped<MailboxId>, Mailbox> mailboxes,
    Map<Member, MailboxMember> members,
    Map<Scoped<DelegationId>, Delegation> delegations,
    Map<Scoped<StatusId>, Status> statuses,
    Map<Scoped<String>, Role> roles,
    Map<Scoped<GrantId>, Grant> grants,
    Map<Scoped<ConversationId>, Conversation> conversations,
    Map<Scoped<NoteId>, Note> notes,
    Map<ReadMark, Instant> readMarks,
    Map<Scoped<MessageId>, MessageMeta> messages,
    Map<Scoped<EventId>, Event> events,
    Map<TenantId, Long> accessRevisions,
    Map<Scoped<MessageId>, MessageContent> contents,
    Map<Scoped<String>, FolderState> folders,
    Map<Scoped<String>, Optional<MessageId>> items,
    Map<Scoped<SourceId>, Lease> leases,
    Map<Scoped<String>, StoredRules> rules,
    Map<Scoped<String>, Long> counters,
    Map<Scoped<String>, Instant> stamps,
    Map<Scoped<OutboundId>, OutboundMessage> outbound,
    Map<Scoped<MailboxId>, SendingAccount> sendingAccounts,
    Map<Scoped<TemplateId>, Owned<Template>> templates,
    Map<Scoped<String>, StoredSecret> secrets) {

  /** The state of a new storage: no rows at all. */
  public static MemoryState empty() {
    return new MemoryState(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }
}
