package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Names the conversation a triage operation acts on and, optionally, the version the actor saw. With a version, the
 * change fails with {@link org.mastermail.ConflictException} if anyone changed the conversation since (collision
 * detection); {@link #latest(ConversationId)} acts on whatever is current.
 */
public record ConversationRef(ConversationId id, OptionalLong expectedVersion) {
  public ConversationRef {
    requireNonNull(id, "id");
    requireNonNull(expectedVersion, "expectedVersion");
  }

  public static ConversationRef at(ConversationId id, long version) {
    return new ConversationRef(id, OptionalLong.of(version));
  }

  public static ConversationRef latest(ConversationId id) {
    return new ConversationRef(id, OptionalLong.empty());
  }
}
