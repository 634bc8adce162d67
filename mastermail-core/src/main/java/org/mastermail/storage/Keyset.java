package org.mastermail.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.mastermail.conversation.ConversationId;

/**
 * The position after which a page starts: the sort key of the last row seen and its id. Ids compare as unsigned
 * bytes, which is the order of their lower-case text form (and of PostgreSQL's {@code uuid}).
 */
public record Keyset(Instant key, ConversationId id) {
  public Keyset {
    requireNonNull(key, "key");
    requireNonNull(id, "id");
  }
}
