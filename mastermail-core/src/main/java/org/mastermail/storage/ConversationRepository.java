package org.mastermail.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Note;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Conversations with their tags and links, notes and per-user read marks. */
public interface ConversationRepository {
  void insert(Conversation conversation);

  Optional<Conversation> find(TenantId tenant, ConversationId id);

  /**
   * The conversations of {@code ids} that exist in the tenant, each once, in no particular order. A storage may read
   * them in one round trip instead of a {@link #find} each.
   */
  default List<Conversation> findAll(TenantId tenant, Collection<ConversationId> ids) {
    List<Conversation> found = new ArrayList<>();
    for (ConversationId id : new LinkedHashSet<>(ids)) {
      find(tenant, id).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Stores {@code next} if the stored version is {@code next.version() - 1} and returns true; returns false and changes
   * nothing otherwise (someone else changed it first). Writes every field, tags and links included.
   */
  boolean update(Conversation next);

  /**
   * Marks the conversations active at {@code at}: sets their {@code lastActivityAt} and bumps their versions by one,
   * whatever version they are at, leaving every other field, tags and links as they are. Returns them as stored
   * afterwards, in the order of {@code ids} (each once); missing ones are left out. A storage may do this in a few
   * round trips instead of a {@link #find} and an {@link #update} each.
   */
  default List<Conversation> touch(TenantId tenant, Collection<ConversationId> ids, Instant at) {
    List<Conversation> touched = new ArrayList<>();
    for (ConversationId id : new LinkedHashSet<>(ids)) {
      Optional<Conversation> current = find(tenant, id);
      while (current.isPresent()) {
        Conversation next = current.get().change().lastActivityAt(at).done();
        if (update(next)) {
          touched.add(next);
          break;
        }
        current = find(tenant, id); // changed meanwhile: touch the newer version
      }
    }
    return touched;
  }

  /** One page of a listing, with the viewer's unread markers; see {@link ConversationQuery} for the semantics. */
  List<ConversationSummary> query(ConversationQuery query);

  /** How many rows {@code query} matches, ignoring sort, position and limit. */
  long count(ConversationQuery query);

  /** How many conversations of the tenant are in {@code status}. */
  long countWithStatus(TenantId tenant, StatusId status);

  /**
   * How many conversations each of {@code assignees} holds in one of {@code statuses} (for least-loaded assignment);
   * an assignee with none is absent from the map.
   */
  Map<UserId, Long> countByAssignee(TenantId tenant, Set<UserId> assignees, Set<StatusId> statuses);

  /** Moves every conversation in {@code from} to {@code to}, bumping their versions; returns how many moved. */
  int replaceStatus(TenantId tenant, StatusId from, StatusId to);

  void addNote(Note note);

  /** Notes of a conversation, oldest first. */
  List<Note> notes(TenantId tenant, ConversationId conversation);

  /** Records that {@code user} has read the conversation as of {@code at} (replacing an earlier mark). */
  void markRead(TenantId tenant, ConversationId conversation, UserId user, Instant at);

  /** Forgets the user's read mark. */
  void markUnread(TenantId tenant, ConversationId conversation, UserId user);

  /**
   * When {@code user} last marked the conversation read. It is unread for them when there is no mark or the mark is
   * older than the conversation's {@code lastActivityAt}.
   */
  Optional<Instant> readAt(TenantId tenant, ConversationId conversation, UserId user);
}
