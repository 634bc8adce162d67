package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.status.StatusId;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.ConversationRepository;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.ReadMark;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryConversations implements ConversationRepository {
  private final MemorySession tx;

  MemoryConversations(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Conversation conversation) {
    requireNonNull(conversation, "conversation");
    Scoped<ConversationId> key = new Scoped<>(conversation.tenant(), conversation.id());
    if (tx.conversations.contains(key)) {
      throw new DuplicateKeyException("conversation " + conversation.id() + " already exists", null);
    }
    tx.conversations.put(key, conversation);
  }

  @Override
  public Optional<Conversation> find(TenantId tenant, ConversationId id) {
    return tx.conversations.get(new Scoped<>(tenant, id));
  }

  @Override
  public boolean update(Conversation next) {
    requireNonNull(next, "next");
    Scoped<ConversationId> key = new Scoped<>(next.tenant(), next.id());
    Optional<Conversation> stored = tx.conversations.get(key);
    if (stored.isEmpty() || stored.get().version() != next.version() - 1) {
      return false;
    }
    tx.conversations.put(key, next);
    return true;
  }

  @Override
  public List<ConversationSummary> query(ConversationQuery query) {
    requireNonNull(query, "query");
    Keyset after = query.after();
    return tx.conversations
        .select(c -> QueryMatcher.matches(c, query, tx) && (after == null || ConversationOrder.isAfter(c, after,
            query.sort())))
        .stream()
        .sorted(ConversationOrder.comparator(query.sort()))
        .limit(query.limit())
        .map(c -> new ConversationSummary(c, unread(c, query.viewer())))
        .toList();
  }

  @Override
  public long count(ConversationQuery query) {
    requireNonNull(query, "query");
    return tx.conversations.select(c -> QueryMatcher.matches(c, query, tx)).size();
  }

  @Override
  public long countWithStatus(TenantId tenant, StatusId status) {
    requireNonNull(status, "status");
    return tx.conversations.select(c -> c.tenant().equals(tenant) && c.status().equals(status)).size();
  }

  @Override
  public Map<UserId, Long> countByAssignee(TenantId tenant, Set<UserId> assignees, Set<StatusId> statuses) {
    Map<UserId, Long> counts = new HashMap<>();
    for (Conversation c : tx.conversations.select(c -> c.tenant().equals(tenant) && c.assignee() != null
        && assignees.contains(c.assignee()) && statuses.contains(c.status()))) {
      counts.merge(c.assignee(), 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public int replaceStatus(TenantId tenant, StatusId from, StatusId to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    List<Conversation> moving = tx.conversations.select(c -> c.tenant().equals(tenant) && c.status().equals(from));
    for (Conversation c : moving) {
      tx.conversations.put(new Scoped<>(tenant, c.id()), c.change().status(to).done());
    }
    return moving.size();
  }

  @Override
  public void addNote(Note note) {
    requireNonNull(note, "note");
    Scoped<NoteId> key = new Scoped<>(note.tenant(), note.id());
    if (tx.notes.contains(key)) {
      throw new DuplicateKeyException("note " + note.id() + " already exists", null);
    }
    tx.notes.put(key, note);
  }

  @Override
  public List<Note> notes(TenantId tenant, ConversationId conversation) {
    requireNonNull(conversation, "conversation");
    List<Note> found = tx.notes.select(n -> n.tenant().equals(tenant) && n.conversation().equals(conversation));
    found.sort(Comparator.comparing(Note::createdAt));
    return found;
  }

  @Override
  public void markRead(TenantId tenant, ConversationId conversation, UserId user, Instant at) {
    requireNonNull(at, "at");
    tx.readMarks.put(new ReadMark(tenant, conversation, user), at);
  }

  @Override
  public void markUnread(TenantId tenant, ConversationId conversation, UserId user) {
    tx.readMarks.remove(new ReadMark(tenant, conversation, user));
  }

  @Override
  public Optional<Instant> readAt(TenantId tenant, ConversationId conversation, UserId user) {
    return tx.readMarks.get(new ReadMark(tenant, conversation, user));
  }

  private boolean unread(Conversation c, UserId viewer) {
    Optional<Instant> mark = readAt(c.tenant(), c.id(), viewer);
    return mark.isEmpty() || mark.get().isBefore(c.lastActivityAt());
  }
}
