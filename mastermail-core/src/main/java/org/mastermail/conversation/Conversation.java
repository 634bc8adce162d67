package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * A thread of messages and notes, and its triage state. An absent {@code assignee} means unassigned (NA): visible to
 * everyone of the mailbox. {@code version} grows with every change; changes made against an older version fail with
 * {@link org.mastermail.ConflictException}.
 */
public record Conversation(TenantId tenant, ConversationId id, MailboxId mailbox, String subject,
    @Nullable UserId assignee, StatusId status, @Nullable Instant dueAt, boolean urgent, Set<String> tags,
    Set<EntityRef> links, Instant createdAt, Instant lastActivityAt, long version) {
  public Conversation {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(subject, "subject");
    requireNonNull(status, "status");
    tags = Set.copyOf(requireNonNull(tags, "tags"));
    links = Set.copyOf(requireNonNull(links, "links"));
    requireNonNull(createdAt, "createdAt");
    requireNonNull(lastActivityAt, "lastActivityAt");
  }

  public Optional<UserId> assigneeIfAny() {
    return Optional.ofNullable(assignee);
  }

  public boolean unassigned() {
    return assignee == null;
  }

  /** This conversation at {@code version} (for use with the triage operations). */
  public ConversationRef ref() {
    return ConversationRef.at(id, version);
  }

  /** Starts a copy to change; {@link Change#done()} gives the next version. */
  public Change change() {
    return new Change(this);
  }

  /** A small mutable builder of the next version of a conversation. */
  public static final class Change {
    private final Conversation base;
    private @Nullable UserId assignee;
    private StatusId status;
    private @Nullable Instant dueAt;
    private boolean urgent;
    private Set<String> tags;
    private Set<EntityRef> links;
    private Instant lastActivityAt;

    private Change(Conversation base) {
      this.base = base;
      this.assignee = base.assignee;
      this.status = base.status;
      this.dueAt = base.dueAt;
      this.urgent = base.urgent;
      this.tags = base.tags;
      this.links = base.links;
      this.lastActivityAt = base.lastActivityAt;
    }

    public Change assignee(@Nullable UserId value) {
      this.assignee = value;
      return this;
    }

    public Change status(StatusId value) {
      this.status = value;
      return this;
    }

    public Change due(@Nullable Instant value, boolean isUrgent) {
      this.dueAt = value;
      this.urgent = isUrgent;
      return this;
    }

    public Change tags(Set<String> value) {
      this.tags = value;
      return this;
    }

    public Change links(Set<EntityRef> value) {
      this.links = value;
      return this;
    }

    public Change lastActivityAt(Instant value) {
      this.lastActivityAt = value;
      return this;
    }

    public Conversation done() {
      return new Conversation(base.tenant, base.id, base.mailbox, base.subject, assignee, status, dueAt, urgent, tags,
          links, base.createdAt, lastActivityAt, base.version + 1);
    }
  }
}
