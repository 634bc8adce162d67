package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.EventRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.internal.Keys.Scoped;

/** The audit log; the table keeps insertion order, which is the append order. */
final class MemoryEvents implements EventRepository {
  private final MemorySession tx;

  MemoryEvents(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void append(Event event) {
    requireNonNull(event, "event");
    Scoped<EventId> key = new Scoped<>(event.tenant(), event.id());
    if (tx.events.contains(key)) {
      throw new DuplicateKeyException("event " + event.id() + " already exists", null);
    }
    tx.events.put(key, event);
  }

  @Override
  public List<Event> listByConversation(TenantId tenant, ConversationId conversation) {
    requireNonNull(conversation, "conversation");
    return tx.events.select(e -> e.tenant().equals(tenant) && conversation.equals(e.conversation()));
  }

  @Override
  public List<Event> listBetween(TenantId tenant, Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return tx.events.select(e -> e.tenant().equals(tenant) && !e.at().isBefore(from) && e.at().isBefore(to));
  }
}
