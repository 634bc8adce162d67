package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * An internal note on a conversation, seen by colleagues and never sent to the customer. A note the system wrote (a
 * routing rule's) has no author.
 */
public record Note(TenantId tenant, NoteId id, ConversationId conversation, @Nullable UserId author, String body,
    Instant createdAt) {
  public Note {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    requireNonNull(conversation, "conversation");
    requireNonNull(body, "body");
    requireNonNull(createdAt, "createdAt");
  }
}
