package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastermail.testkit.storage.Fixtures.at;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.storage.AssigneeScope;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.storage.StaleAccessException;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.testkit.storage.Fixtures.Layout;
import org.mastermail.testkit.storage.Fixtures.QueryDraft;
import org.mastermail.testkit.storage.Fixtures.World;

/**
 * {@link org.mastermail.storage.ConversationRepository#query} and {@code count}: visibility, assignee scopes, filters,
 * the three sorts and keyset pagination, exactly as {@link ConversationQuery} describes them.
 */
public interface ConversationQueryContract {
  /** The storage under test; may be shared by every test of the class. */
  Storage storage();

  /**
   * Six conversations, one per assignee (Alice, Bob, nobody) in each of {@code info} and {@code sales}, plus one of
   * Bob's and one unassigned in a third mailbox no query names. Alice views; {@code sales} is where she has full access.
   */
  private Layout layout(World w) {
    Mailbox hidden = Fixtures.mailbox(w.id(), "hidden");
    storage().useTransaction(s -> s.mailboxes().insert(hidden));
    Layout l = new Layout(
        Fixtures.conversation(w).mailbox(w.info()).assignee(w.alice()).lastActivity(at(1)).insert(storage()),
        Fixtures.conversation(w).mailbox(w.info()).assignee(w.bob()).lastActivity(at(2)).insert(storage()),
        Fixtures.conversation(w).mailbox(w.info()).lastActivity(at(3)).insert(storage()),
        Fixtures.conversation(w).mailbox(w.sales()).assignee(w.alice()).lastActivity(at(4)).insert(storage()),
        Fixtures.conversation(w).mailbox(w.sales()).assignee(w.bob()).lastActivity(at(5)).insert(storage()),
        Fixtures.conversation(w).mailbox(w.sales()).lastActivity(at(6)).insert(storage()));
    Fixtures.conversation(w).mailbox(hidden).assignee(w.bob()).lastActivity(at(7)).insert(storage());
    Fixtures.conversation(w).mailbox(hidden).lastActivity(at(8)).insert(storage());
    return l;
  }

  private List<Conversation> list(QueryDraft query) {
    return storage().inTransaction(s -> s.conversations().query(query.build())).stream()
        .map(ConversationSummary::conversation).toList();
  }

  private long count(QueryDraft query) {
    return storage().inTransaction(s -> s.conversations().count(query.build()));
  }

  @Test
  default void queryShouldReturnOwnAndUnassignedForViewerOrUnassignedScope() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    QueryDraft q = Fixtures.query(w).fullAccess(w.sales()).scope(AssigneeScope.VIEWER_OR_UNASSIGNED);
    assertThat(list(q)).containsExactly(l.salesNobody(), l.salesAlice(), l.infoNobody(), l.infoAlice());
    assertThat(count(q)).isEqualTo(4);
  }

  @Test
  default void queryShouldShowOnlyOwnAndUnassignedWithoutFullAccess() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    QueryDraft q = Fixtures.query(w);
    assertThat(list(q)).containsExactly(l.salesNobody(), l.salesAlice(), l.infoNobody(), l.infoAlice());
    assertThat(count(q)).isEqualTo(4);
  }

  @Test
  default void queryShouldShowEveryConversationOfFullAccessMailboxes() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    QueryDraft q = Fixtures.query(w).fullAccess(w.sales());
    assertThat(list(q))
        .containsExactly(l.salesNobody(), l.salesBob(), l.salesAlice(), l.infoNobody(), l.infoAlice());
    assertThat(count(q)).isEqualTo(5);
    assertThat(list(Fixtures.query(w).fullAccess(w.info(), w.sales()))).hasSize(6).contains(l.infoBob());
  }

  @Test
  default void queryShouldReturnOnlyUnassignedForUnassignedScope() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    QueryDraft q = Fixtures.query(w).fullAccess(w.sales()).scope(AssigneeScope.UNASSIGNED);
    assertThat(list(q)).containsExactly(l.salesNobody(), l.infoNobody());
    assertThat(count(q)).isEqualTo(2);
  }

  @Test
  default void queryShouldReturnOthersQueueOnlyWhereViewerHasFullAccess() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    assertThat(list(Fixtures.query(w).fullAccess(w.sales()).assignedTo(w.bob()))).containsExactly(l.salesBob());
    assertThat(list(Fixtures.query(w).assignedTo(w.bob()))).isEmpty();
    assertThat(list(Fixtures.query(w).assignedTo(w.alice()))).containsExactly(l.salesAlice(), l.infoAlice());
    assertThat(count(Fixtures.query(w).fullAccess(w.info(), w.sales()).assignedTo(w.bob()))).isEqualTo(2);
  }

  @Test
  default void queryShouldListOnlyTheRequestedMailboxes() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    QueryDraft q = Fixtures.query(w).mailboxes(w.info()).fullAccess(w.info(), w.sales());
    assertThat(list(q)).containsExactly(l.infoNobody(), l.infoBob(), l.infoAlice());
    assertThat(count(q)).isEqualTo(3);
  }

  @Test
  default void queryShouldMarkWhatTheViewerHasNotReadSinceTheLastActivity() {
    World w = Fixtures.world(storage());
    Conversation never = Fixtures.conversation(w).lastActivity(at(10)).insert(storage());
    Conversation readAfter = Fixtures.conversation(w).lastActivity(at(20)).insert(storage());
    Conversation readExactly = Fixtures.conversation(w).lastActivity(at(30)).insert(storage());
    Conversation readBefore = Fixtures.conversation(w).lastActivity(at(40)).insert(storage());
    Conversation readByBob = Fixtures.conversation(w).lastActivity(at(50)).insert(storage());
    storage().useTransaction(s -> {
      s.conversations().markRead(w.id(), readAfter.id(), w.alice().id(), at(25));
      s.conversations().markRead(w.id(), readExactly.id(), w.alice().id(), at(30));
      s.conversations().markRead(w.id(), readBefore.id(), w.alice().id(), at(35));
      s.conversations().markRead(w.id(), readByBob.id(), w.bob().id(), at(55));
    });
    List<ConversationSummary> rows = storage().inTransaction(s -> s.conversations().query(Fixtures.query(w).build()));
    assertThat(rows).containsExactly(new ConversationSummary(readByBob, true),
        new ConversationSummary(readBefore, true), new ConversationSummary(readExactly, false),
        new ConversationSummary(readAfter, false), new ConversationSummary(never, true));
  }

  @Test
  default void queryShouldFilterByStatus() {
    World w = Fixtures.world(storage());
    Conversation open = Fixtures.conversation(w).status(w.open()).lastActivity(at(1)).insert(storage());
    Conversation waiting = Fixtures.conversation(w).status(w.waiting()).lastActivity(at(2)).insert(storage());
    Fixtures.conversation(w).status(w.closed()).lastActivity(at(3)).insert(storage());
    QueryDraft q = Fixtures.query(w).statuses(w.open(), w.waiting());
    assertThat(list(q)).containsExactly(waiting, open);
    assertThat(count(q)).isEqualTo(2);
    assertThat(count(Fixtures.query(w))).isEqualTo(3);
  }

  @Test
  default void queryShouldFilterByTag() {
    World w = Fixtures.world(storage());
    Conversation vip = Fixtures.conversation(w).tags("vip", "invoice").lastActivity(at(1)).insert(storage());
    Fixtures.conversation(w).tags("invoice").lastActivity(at(2)).insert(storage());
    Fixtures.conversation(w).lastActivity(at(3)).insert(storage());
    QueryDraft q = Fixtures.query(w).tag("vip");
    assertThat(list(q)).containsExactly(vip);
    assertThat(count(q)).isEqualTo(1);
    assertThat(count(Fixtures.query(w).tag("invoice"))).isEqualTo(2);
  }

  @Test
  default void queryShouldFilterByDueBeforeExcludingTheBoundAndUndated() {
    World w = Fixtures.world(storage());
    Conversation early = Fixtures.conversation(w).due(at(10), false).lastActivity(at(1)).insert(storage());
    Fixtures.conversation(w).due(at(20), false).lastActivity(at(2)).insert(storage());
    Fixtures.conversation(w).due(at(30), true).lastActivity(at(3)).insert(storage());
    Fixtures.conversation(w).lastActivity(at(4)).insert(storage());
    QueryDraft q = Fixtures.query(w).dueBefore(at(20));
    assertThat(list(q)).containsExactly(early);
    assertThat(count(q)).isEqualTo(1);
  }

  @Test
  default void queryShouldFilterByLinkedEntity() {
    World w = Fixtures.world(storage());
    EntityRef contact = EntityRef.of("contact", "4711");
    Conversation linked = Fixtures.conversation(w).links(contact, EntityRef.of("case", "9")).lastActivity(at(1))
        .insert(storage());
    Fixtures.conversation(w).links(EntityRef.of("contact", "4712")).lastActivity(at(2)).insert(storage());
    Fixtures.conversation(w).links(EntityRef.of("case", "4711")).lastActivity(at(3)).insert(storage());
    QueryDraft q = Fixtures.query(w).linkedTo(contact);
    assertThat(list(q)).containsExactly(linked);
    assertThat(count(q)).isEqualTo(1);
  }

  @Test
  default void queryShouldCombineFiltersWithVisibilityAndScope() {
    World w = Fixtures.world(storage());
    Conversation match = Fixtures.conversation(w).status(w.waiting()).tags("vip").assignee(w.alice())
        .lastActivity(at(1)).insert(storage());
    Fixtures.conversation(w).status(w.waiting()).tags("vip").assignee(w.bob()).insert(storage());
    Fixtures.conversation(w).status(w.open()).tags("vip").insert(storage());
    Fixtures.conversation(w).status(w.waiting()).insert(storage());
    QueryDraft q = Fixtures.query(w).scope(AssigneeScope.VIEWER_OR_UNASSIGNED).statuses(w.waiting()).tag("vip");
    assertThat(list(q)).containsExactly(match);
    assertThat(count(q)).isEqualTo(1);
  }

  @Test
  default void queryShouldSortNewestFirstAndBreakTiesByIdDescending() {
    World w = Fixtures.world(storage());
    Conversation low = Fixtures.conversation(w).id(Fixtures.lowBit()).lastActivity(at(5)).insert(storage());
    Conversation high = Fixtures.conversation(w).id(Fixtures.highBit()).lastActivity(at(5)).insert(storage());
    Conversation newest = Fixtures.conversation(w).lastActivity(at(9)).insert(storage());
    Conversation oldest = Fixtures.conversation(w).lastActivity(at(1)).insert(storage());
    assertThat(list(Fixtures.query(w).sort(Sort.NEWEST))).containsExactly(newest, high, low, oldest);
  }

  @Test
  default void queryShouldSortOldestFirstAndBreakTiesByIdAscending() {
    World w = Fixtures.world(storage());
    Conversation high = Fixtures.conversation(w).id(Fixtures.highBit()).lastActivity(at(5)).insert(storage());
    Conversation low = Fixtures.conversation(w).id(Fixtures.lowBit()).lastActivity(at(5)).insert(storage());
    Conversation newest = Fixtures.conversation(w).lastActivity(at(9)).insert(storage());
    Conversation oldest = Fixtures.conversation(w).lastActivity(at(1)).insert(storage());
    assertThat(list(Fixtures.query(w).sort(Sort.OLDEST))).containsExactly(oldest, low, high, newest);
  }

  @Test
  default void queryShouldSortByDueWithUndatedLast() {
    World w = Fixtures.world(storage());
    Conversation undated = Fixtures.conversation(w).lastActivity(at(1)).insert(storage());
    Conversation late = Fixtures.conversation(w).due(at(50), false).lastActivity(at(2)).insert(storage());
    Conversation soon = Fixtures.conversation(w).due(at(10), true).lastActivity(at(3)).insert(storage());
    assertThat(list(Fixtures.query(w).sort(Sort.DUE))).containsExactly(soon, late, undated);
  }

  @Test
  default void idsShouldCompareAsUnsignedBytesNotAsSignedLongs() {
    World w = Fixtures.world(storage());
    UUID base = Fixtures.lowBit();
    Conversation lsbLow = Fixtures.conversation(w).lastActivity(at(5))
        .id(new UUID(base.getMostSignificantBits(), base.getLeastSignificantBits() & Long.MAX_VALUE))
        .insert(storage());
    Conversation lsbHigh = Fixtures.conversation(w).lastActivity(at(5))
        .id(new UUID(base.getMostSignificantBits(), base.getLeastSignificantBits() | Long.MIN_VALUE))
        .insert(storage());
    Conversation msbHigh = Fixtures.conversation(w).id(Fixtures.highBit()).lastActivity(at(5)).insert(storage());
    assertThat(list(Fixtures.query(w).sort(Sort.OLDEST))).containsExactly(lsbLow, lsbHigh, msbHigh);
    List<Conversation> afterFirst = list(Fixtures.query(w).sort(Sort.OLDEST)
        .after(new Keyset(at(5), lsbLow.id())));
    assertThat(afterFirst).containsExactly(lsbHigh, msbHigh);
  }

  @Test
  default void keysetPaginationShouldVisitEveryRowOnceInNewestOrder() {
    assertKeysetPagination(Sort.NEWEST);
  }

  @Test
  default void keysetPaginationShouldVisitEveryRowOnceInOldestOrder() {
    assertKeysetPagination(Sort.OLDEST);
  }

  @Test
  default void keysetPaginationShouldVisitEveryRowOnceInDueOrder() {
    assertKeysetPagination(Sort.DUE);
  }

  @Test
  default void countShouldIgnoreKeysetAndLimit() {
    World w = Fixtures.world(storage());
    List<Conversation> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(Fixtures.conversation(w).lastActivity(at(i)).insert(storage()));
    }
    QueryDraft q = Fixtures.query(w).limit(2).after(new Keyset(at(3), all.get(3).id()));
    assertThat(list(q)).containsExactly(all.get(2), all.get(1));
    assertThat(count(q)).isEqualTo(5);
  }

  @Test
  default void queryShouldNotReturnOtherTenantsConversations() {
    World w = Fixtures.world(storage());
    World other = Fixtures.world(storage());
    layout(w);
    QueryDraft q = Fixtures.query(w).fullAccess(w.info(), w.sales()).tenant(other.id());
    assertThat(list(q)).isEmpty();
    assertThat(count(q)).isZero();
    storage().useTransaction(s -> assertThat(s.conversations().count(q.scope(AssigneeScope.UNASSIGNED).build()))
        .isZero());
  }

  /**
   * Twelve conversations with clashing sort keys and ids on both sides of the sign bit, read four, then five at a
   * time: the pages together must list each row once, in the order the sort defines.
   */
  private void assertKeysetPagination(Sort sort) {
    World w = Fixtures.world(storage());
    List<Conversation> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID id = i % 2 == 0 ? Fixtures.lowBit() : Fixtures.highBit();
      Fixtures.Draft draft = Fixtures.conversation(w).id(id).lastActivity(at(i / 3))
          .mailbox(i % 4 == 0 ? w.sales() : w.info());
      if (i % 3 != 0) {
        draft.due(at(100 + i % 2), false);
      }
      all.add(draft.insert(storage()));
    }
    Comparator<Conversation> ascending = Comparator.comparing((Conversation c) -> ConversationQuery.sortKey(c, sort))
        .thenComparing(c -> c.id().toString());
    List<Conversation> expected = new ArrayList<>(all);
    expected.sort(sort == Sort.NEWEST ? ascending.reversed() : ascending);
    for (int pageSize : new int[] {4, 5}) {
      List<Conversation> visited = new ArrayList<>();
      Keyset after = null;
      for (int page = 0; page < all.size(); page++) {
        List<Conversation> rows = list(Fixtures.query(w).sort(sort).limit(pageSize).after(after));
        assertThat(rows.size()).isLessThanOrEqualTo(pageSize);
        visited.addAll(rows);
        if (rows.size() < pageSize) {
          break;
        }
        Conversation last = rows.get(rows.size() - 1);
        after = new Keyset(ConversationQuery.sortKey(last, sort), last.id());
      }
      assertThat(visited).as("pages of %d in %s order", pageSize, sort).containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void queryAtAccessRevisionShouldAnswerOnlyForTheCurrentRevision() {
    World w = Fixtures.world(storage());
    Layout l = layout(w);
    ConversationQuery q = Fixtures.query(w).build();
    ConversationQuery nothing = Fixtures.query(w).tag("no-such-tag").build();
    long revision = storage().inTransaction((StorageSession s) -> s.tenants().accessRevision(w.id()));

    assertThat(storage().inTransaction(s -> s.queryAtAccessRevision(q, revision)).stream()
        .map(ConversationSummary::conversation).toList())
        .containsExactly(l.salesNobody(), l.salesAlice(), l.infoNobody(), l.infoAlice());
    List<ConversationSummary> none = storage().inTransaction((StorageSession s) -> s.queryAtAccessRevision(nothing,
        revision));
    assertThat(none).isEmpty();

    storage().useTransaction(s -> s.tenants().bumpAccessRevision(w.id()));
    assertThatThrownBy(() -> storage().inTransaction(s -> s.queryAtAccessRevision(q, revision)))
        .isInstanceOf(StaleAccessException.class);
    assertThatThrownBy(() -> storage().inTransaction(s -> s.queryAtAccessRevision(nothing, revision)))
        .isInstanceOf(StaleAccessException.class);
  }
}
