package org.mastermail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.storage.AssigneeScope;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

class ConversationQueryTest {
  private static final Comparator<UUID> UNSIGNED = Comparator.comparing(UUID::toString);

  private final Fixtures f = new Fixtures();
  private final JdbcStorage storage = Fixtures.newStorage();
  private final MailboxId info = MailboxId.random();
  private final MailboxId sales = MailboxId.random();
  private final UserId anna = UserId.random();
  private final UserId bert = UserId.random();

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void inboxShouldPageThroughOwnAndUnassignedNewestFirst() {
    List<Conversation> expected = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      // pairs share an instant so that ties are broken by id
      Instant at = Fixtures.T0.plusSeconds(i / 2);
      expected.add(f.conversation(info, i % 3 == 0 ? null : anna, at));
    }
    List<Conversation> others = List.of(
        f.conversation(info, bert, Fixtures.T0.plusSeconds(2)),
        f.conversation(sales, anna, Fixtures.T0.plusSeconds(3)),
        f.conversation(sales, null, Fixtures.T0.plusSeconds(3)),
        new Conversation(TenantId.random(), ConversationId.random(), info, "other tenant", anna, f.received, null,
            false, Set.of(), Set.of(), Fixtures.T0, Fixtures.T0.plusSeconds(1), 1));
    insert(expected);
    insert(others);
    expected.sort(Comparator.comparing(Conversation::lastActivityAt)
        .thenComparing(c -> c.id().value(), UNSIGNED).reversed());

    List<Conversation> seen = new ArrayList<>();
    Keyset after = null;
    for (int page = 0; page < 3; page++) {
      List<ConversationSummary> rows = query(inbox(Sort.NEWEST, after, 3));
      assertThat(rows).hasSize(3);
      rows.forEach(r -> seen.add(r.conversation()));
      Conversation last = rows.get(2).conversation();
      after = new Keyset(last.lastActivityAt(), last.id());
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(query(inbox(Sort.NEWEST, after, 3))).isEmpty();
    Keyset end = after;
    var total = Fixtures.read(storage, s -> s.conversations().count(inbox(Sort.NEWEST, end, 3)));
    assertThat(total).isEqualTo(9);
  }

  @Test
  void idsShouldOrderAsUnsignedBytesWithinTheSameInstant() {
    List<ConversationId> ids = List.of(
        ConversationId.of("ffffffff-0000-4000-8000-000000000000"),
        ConversationId.of("00000000-0000-4000-8000-000000000001"),
        ConversationId.of("80000000-0000-4000-8000-000000000000"),
        ConversationId.of("7fffffff-0000-4000-8000-000000000000"),
        ConversationId.of("00000000-0000-4000-8000-800000000000"),
        ConversationId.of("00000000-0000-4000-8000-7fffffffffff"));
    insert(ids.stream().map(id -> f.conversation(id, info, null, Fixtures.T0)).toList());
    List<String> lowerCaseTextOrder = ids.stream().map(ConversationId::toString).sorted().toList();

    List<String> oneByOne = new ArrayList<>();
    Keyset after = null;
    for (int i = 0; i < ids.size(); i++) {
      Conversation c = query(inbox(Sort.OLDEST, after, 1)).get(0).conversation();
      oneByOne.add(c.id().toString());
      after = new Keyset(c.lastActivityAt(), c.id());
    }
    assertThat(oneByOne).containsExactlyElementsOf(lowerCaseTextOrder);
    assertThat(query(inbox(Sort.OLDEST, null, 10))).extracting(r -> r.conversation().id().toString())
        .containsExactlyElementsOf(lowerCaseTextOrder);
  }

  @Test
  void dueOrderShouldPutConversationsWithoutDueDateLast() {
    Conversation none = f.conversation(info, anna, Fixtures.T0);
    Conversation tomorrow = f.conversation(info, anna, Fixtures.T0).change()
        .due(Fixtures.T0.plus(Duration.ofDays(1)), false).done();
    Conversation today = f.conversation(info, null, Fixtures.T0).change().due(Fixtures.T0.plusSeconds(1), true).done();
    insert(List.of(none, tomorrow, today));
    List<ConversationSummary> first = query(inbox(Sort.DUE, null, 2));
    assertThat(first).extracting(ConversationSummary::conversation).containsExactly(today, tomorrow);
    Keyset after = new Keyset(ConversationQuery.sortKey(tomorrow, Sort.DUE), tomorrow.id());
    assertThat(query(inbox(Sort.DUE, after, 2))).extracting(ConversationSummary::conversation).containsExactly(none);
  }

  @Test
  void filtersShouldNarrowRowsAndCount() {
    StatusId waiting = StatusId.random();
    EntityRef contact = EntityRef.of("contact", "4711");
    Conversation tagged = f.conversation(info, anna, Fixtures.T0).change().tags(Set.of("vip")).done();
    Conversation linked = f.conversation(info, null, Fixtures.T0).change().links(Set.of(contact)).done();
    Conversation waitingDue = f.conversation(info, anna, Fixtures.T0).change().status(waiting)
        .due(Fixtures.T0.plusSeconds(10), false).done();
    insert(List.of(tagged, linked, waitingDue));
    ConversationQuery base = inbox(Sort.NEWEST, null, 10);
    assertThat(matches(with(base, Set.of(), "vip", null, null))).containsExactly(tagged);
    assertThat(matches(with(base, Set.of(), null, null, contact))).containsExactly(linked);
    assertThat(matches(with(base, Set.of(waiting), null, null, null))).containsExactly(waitingDue);
    assertThat(matches(with(base, Set.of(), null, Fixtures.T0.plusSeconds(11), null))).containsExactly(waitingDue);
    assertThat(matches(with(base, Set.of(), null, Fixtures.T0.plusSeconds(10), null))).isEmpty();
    var vipCount = Fixtures.read(storage, s -> s.conversations().count(with(base, Set.of(), "vip", null, null)));
    assertThat(vipCount)
        .isEqualTo(1);
  }

  @Test
  void otherAssigneesShouldBeVisibleOnlyWithFullAccess() {
    Conversation berts = f.conversation(info, bert, Fixtures.T0);
    Conversation bertsInSales = f.conversation(sales, bert, Fixtures.T0);
    Conversation unassigned = f.conversation(sales, null, Fixtures.T0);
    Conversation annas = f.conversation(sales, anna, Fixtures.T0);
    insert(List.of(berts, bertsInSales, unassigned, annas));
    ConversationQuery all = new ConversationQuery(f.tenant, anna, Set.of(info, sales), Set.of(info),
        AssigneeScope.ANY, null, Set.of(), null, null, null, Sort.NEWEST, null, 10, null);
    assertThat(matches(all)).containsExactlyInAnyOrder(berts, unassigned, annas);
    assertThat(matches(all.withScope(AssigneeScope.ASSIGNED_TO, bert))).containsExactly(berts);
    ConversationQuery noFullAccess = new ConversationQuery(f.tenant, anna, Set.of(sales), Set.of(),
        AssigneeScope.ASSIGNED_TO, bert, Set.of(), null, null, null, Sort.NEWEST, null, 10, null);
    assertThat(matches(noFullAccess)).isEmpty();
    var hiddenCount = Fixtures.read(storage, s -> s.conversations().count(noFullAccess));
    assertThat(hiddenCount).isZero();
    assertThat(matches(all.withScope(AssigneeScope.UNASSIGNED, null))).containsExactly(unassigned);
  }

  @Test
  void unreadShouldFollowTheViewersReadMark() {
    Conversation read = f.conversation(info, anna, Fixtures.T0);
    Conversation changedSinceRead = f.conversation(info, anna, Fixtures.T0.plusSeconds(5));
    Conversation neverRead = f.conversation(info, anna, Fixtures.T0);
    insert(List.of(read, changedSinceRead, neverRead));
    storage.useTransaction(s -> {
      s.conversations().markRead(f.tenant, read.id(), anna, Fixtures.T0);
      s.conversations().markRead(f.tenant, changedSinceRead.id(), anna, Fixtures.T0);
      s.conversations().markRead(f.tenant, neverRead.id(), bert, Fixtures.T0.plusSeconds(60));
    });
    assertThat(query(inbox(Sort.NEWEST, null, 10)))
        .extracting(r -> r.conversation().id(), ConversationSummary::unread)
        .containsExactlyInAnyOrder(
            tuple(read.id(), false),
            tuple(changedSinceRead.id(), true),
            tuple(neverRead.id(), true));
  }

  private ConversationQuery inbox(Sort sort, Keyset after, int limit) {
    return new ConversationQuery(f.tenant, anna, Set.of(info), Set.of(), AssigneeScope.VIEWER_OR_UNASSIGNED, null,
        Set.of(), null, null, null, sort, after, limit, null);
  }

  private static ConversationQuery with(ConversationQuery q, Set<StatusId> statuses, String tag, Instant dueBefore,
      EntityRef linkedTo) {
    return new ConversationQuery(q.tenant(), q.viewer(), q.mailboxes(), q.fullAccess(), q.scope(), q.assignee(),
        statuses, tag, dueBefore, linkedTo, q.sort(), q.after(), q.limit(), q.text());
  }

  private List<Conversation> matches(ConversationQuery query) {
    return query(query).stream().map(ConversationSummary::conversation).toList();
  }

  private List<ConversationSummary> query(ConversationQuery query) {
    return storage.inTransaction(s -> s.conversations().query(query));
  }

  private void insert(List<Conversation> conversations) {
    storage.useTransaction(s -> conversations.forEach(s.conversations()::insert));
  }
}
