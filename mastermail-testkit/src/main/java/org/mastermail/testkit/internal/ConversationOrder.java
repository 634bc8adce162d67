package org.mastermail.testkit.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.Sort;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;

/**
 * The order of a listing: sort key, then id as unsigned bytes; both descending for {@link Sort#NEWEST}, ascending
 * otherwise. A keyset is a position in that order, so "strictly after" is "compares greater".
 */
final class ConversationOrder {
  private ConversationOrder() {}

  /** A place in a listing: the sort key and the id of a row, or of the keyset a page starts after. */
  private record Position(Instant key, UUID id) {}

  private static final Comparator<Position> ASCENDING =
      Comparator.comparing(Position::key).thenComparing(Position::id, Keys.UNSIGNED);

  private static Comparator<Position> positions(Sort sort) {
    return sort == Sort.NEWEST ? ASCENDING.reversed() : ASCENDING;
  }

  private static Position of(Conversation c, Sort sort) {
    return new Position(ConversationQuery.sortKey(c, sort), c.id().value());
  }

  /** Rows in {@code sort} order. */
  static Comparator<Conversation> comparator(Sort sort) {
    Comparator<Position> order = positions(sort);
    return (a, b) -> order.compare(of(a, sort), of(b, sort));
  }

  /** Whether {@code c} comes strictly after {@code after} in {@code sort} order. */
  static boolean isAfter(Conversation c, Keyset after, Sort sort) {
    return positions(sort).compare(of(c, sort), new Position(after.key(), after.id().value())) > 0;
  }
}
