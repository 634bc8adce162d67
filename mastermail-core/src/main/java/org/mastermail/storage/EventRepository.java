package org.mastermail.storage;

import java.time.Instant;
import java.util.List;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.tenant.TenantId;

/** The append-only audit log. */
public interface EventRepository {
  void append(Event event);

  /**
   * Appends the events in their order, as {@link #append} one by one would; a storage may write them in one round trip.
   */
  default void appendAll(List<Event> events) {
    events.forEach(this::append);
  }

  /** Events of a conversation in the order they were appended. */
  List<Event> listByConversation(TenantId tenant, ConversationId conversation);

  /** Events of the tenant with {@code from <= at < to}, in the order they were appended. */
  List<Event> listBetween(TenantId tenant, Instant from, Instant to);
}
