package org.mastermail.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.ConflictException;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationRef;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.event.EventType;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** One unit of work of the engine: the open storage session, the moment it runs at, and the events it appends. */
final class Work {
  private final StorageSession session;
  private final Instant now;
  private final List<Event> events = new ArrayList<>();
  private @Nullable TenantId accessChanged;
  private long expectedRevision = -1;
  private boolean revisionVerified;
  private boolean mailQueued;

  Work(StorageSession session, Instant now) {
    this.session = session;
    this.now = now;
  }

  /** Notes that this unit queued outbound mail: the dispatchers are woken once it commits. */
  void mailQueued() {
    mailQueued = true;
  }

  boolean queuedMail() {
    return mailQueued;
  }

  StorageSession s() {
    return session;
  }

  Instant now() {
    return now;
  }

  List<Event> events() {
    return events;
  }

  /** Marks that this work changes who may see or do what in {@code tenant}; cached access is renewed after it. */
  void accessChanged(TenantId tenant) {
    accessChanged = tenant;
  }

  @Nullable TenantId accessChangedTenant() {
    return accessChanged;
  }

  /**
   * The access revision the actor's cached access belongs to, or -1 when the access was resolved in this unit of work.
   * A query made with {@link org.mastermail.storage.StorageSession#queryAtAccessRevision} checks it and then
   * {@link #revisionVerified()} records that no separate check is needed.
   */
  long expectedRevision() {
    return expectedRevision;
  }

  void expectRevision(long revision) {
    this.expectedRevision = revision;
  }

  void revisionVerified() {
    this.revisionVerified = true;
  }

  boolean isRevisionVerified() {
    return revisionVerified;
  }

  /** Appends an event to the log (in this transaction) and remembers it for the listeners. */
  Event event(TenantId tenant, EventType type, @Nullable ConversationId conversation, @Nullable UserId actor,
      @Nullable Object before, @Nullable Object after, long version) {
    Event e = newEvent(tenant, type, conversation, actor, before, after, version);
    session.events().append(e);
    events.add(e);
    return e;
  }

  /** An event at this work's moment, not yet appended: see {@link #appendAll}. */
  Event newEvent(TenantId tenant, EventType type, @Nullable ConversationId conversation, @Nullable UserId actor,
      @Nullable Object before, @Nullable Object after, long version) {
    return new Event(tenant, EventId.random(), type, conversation, actor, now,
        before == null ? null : before.toString(), after == null ? null : after.toString(), version);
  }

  /** Appends events to the log together (in this transaction) and remembers them for the listeners. */
  void appendAll(List<Event> batch) {
    session.events().appendAll(batch);
    events.addAll(batch);
  }

  /** Appends an event about a change of {@code c} (at its new version). */
  Event event(Conversation c, EventType type, UserId actor, @Nullable Object before, @Nullable Object after) {
    return event(c.tenant(), type, c.id(), actor, before, after, c.version());
  }

  /**
   * Loads the conversation {@code ref} names, visible to {@code access}; reports an invisible one as not found, so its
   * existence does not leak, and a stale expected version as a conflict.
   */
  Conversation load(ConversationRef ref, Access access) {
    Conversation c = session.conversations().find(access.user().tenant(), ref.id())
        .filter(found -> access.mailbox(found.mailbox()).isPresent())
        .orElseThrow(() -> new NotFoundException("conversation " + ref.id() + " not found"));
    // A stale version is a collision even when the winner's change hid the conversation from this actor (a colleague
    // took it): they saw it a moment ago, so "changed by someone else" is the truthful answer, not "not found".
    if (ref.expectedVersion().isPresent() && ref.expectedVersion().getAsLong() != c.version()) {
      throw stale(c.id(), ref.expectedVersion().getAsLong(), c.version());
    }
    if (!access.sees(c)) {
      throw new NotFoundException("conversation " + ref.id() + " not found");
    }
    return c;
  }

  Conversation visible(ConversationId id, Access access) {
    Conversation c = session.conversations().find(access.user().tenant(), id)
        .filter(access::sees)
        .orElseThrow(() -> new NotFoundException("conversation " + id + " not found"));
    return c;
  }

  /** Stores the next version of a conversation, failing with a conflict if someone else stored one first. */
  Conversation save(Conversation next) {
    if (!session.conversations().update(next)) {
      long current = session.conversations().find(next.tenant(), next.id()).map(Conversation::version).orElse(-1L);
      throw stale(next.id(), next.version() - 1, current);
    }
    return next;
  }

  private static ConflictException stale(ConversationId id, long expected, long current) {
    return new ConflictException("conversation " + id + " was changed by someone else (now at version " + current
        + ", the change was made against version " + expected + "); reload it and try again");
  }
}
