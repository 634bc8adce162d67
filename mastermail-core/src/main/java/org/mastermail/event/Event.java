package org.mastermail.event;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * One entry of the append-only audit log: who did what, when, and the value before and after. Conversation events
 * carry the conversation and its version after the change; admin events have no conversation.
 */
public record Event(TenantId tenant, EventId id, EventType type, @Nullable ConversationId conversation,
    @Nullable UserId actor, Instant at, @Nullable String before, @Nullable String after, long version) {
  public Event {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(at, "at");
  }

  public Optional<ConversationId> conversationIfAny() {
    return Optional.ofNullable(conversation);
  }

  public Optional<String> beforeValue() {
    return Optional.ofNullable(before);
  }

  public Optional<String> afterValue() {
    return Optional.ofNullable(after);
  }
}
