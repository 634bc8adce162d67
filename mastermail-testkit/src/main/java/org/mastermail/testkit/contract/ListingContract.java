package org.mastermail.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mastermail.InvalidInputException;
import org.mastermail.Page;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.conversation.ViewCounts;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.status.StatusCategory;

/** Sorting, keyset pagination, filters and counts of the views. */
public interface ListingContract extends EngineFixture {
  private List<Conversation> openSeveral(Office o, int n) {
    List<Conversation> opened = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      opened.add(o.open(o.info, "conversation " + i));
      if (i % 3 != 0) {
        clock().advance(Duration.ofMinutes(1)); // some share a timestamp, so ties must be broken by id
      }
    }
    return opened;
  }

  @Test
  default void newestAndOldestShouldPageThroughEveryConversationOnceInOrder() {
    Office o = newOffice();
    List<Conversation> opened = openSeveral(o, 10);

    List<ConversationSummary> newest = allOf(View.INBOX, ConversationFilter.none(), Sort.NEWEST, o.alice);
    List<ConversationSummary> oldest = allOf(View.INBOX, ConversationFilter.none(), Sort.OLDEST, o.alice);

    assertThat(newest).extracting(s -> s.conversation().id())
        .containsExactlyInAnyOrderElementsOf(opened.stream().map(Conversation::id).toList())
        .doesNotHaveDuplicates();
    assertThat(newest).extracting(s -> s.conversation().lastActivityAt()).isSortedAccordingTo((a, b) -> b.compareTo(a));
    List<ConversationSummary> reversed = new ArrayList<>(oldest);
    Collections.reverse(reversed);
    assertThat(reversed).extracting(s -> s.conversation().id())
        .containsExactlyElementsOf(newest.stream().map(s -> s.conversation().id()).toList());
  }

  @Test
  default void dueSortShouldPutEarliestFirstAndUndatedLast() {
    Office o = newOffice();
    Conversation late = o.mm.triage().setDue(o.open(o.info, "late").ref(), clock().instant().plus(Duration.ofDays(3)),
        false, o.manager);
    Conversation undated = o.open(o.info, "undated");
    Conversation soon = o.mm.triage().setDue(o.open(o.info, "soon").ref(), clock().instant().plus(Duration.ofHours(2)),
        true, o.manager);

    assertThat(allOf(View.INBOX, ConversationFilter.none(), Sort.DUE, o.alice)).extracting(s -> s.conversation().id())
        .containsExactly(soon.id(), late.id(), undated.id());
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withDueBefore(clock().instant().plus(Duration.ofDays(1))),
        o.alice)).containsExactly(soon.id());
  }

  @Test
  default void filtersShouldNarrowByMailboxStatusCategoryTagAndLink() {
    Office o = newOffice();
    Conversation tagged = o.mm.triage().tag(o.open(o.info, "a").ref(), "invoice", o.manager);
    Conversation linked = o.mm.triage().link(o.open(o.info, "b").ref(), EntityRef.of("case", "2024/17"), o.manager);
    Conversation waiting = o.mm.triage().setStatus(o.open(o.info, "c").ref(),
        o.status(DefaultStatuses.WAITING_FOR_ANSWER).id(), o.manager);
    Conversation inSales = o.open(o.sales, "d");

    assertThat(idsOf(View.ALL, ConversationFilter.none().withTag("invoice"), o.manager)).containsExactly(tagged.id());
    assertThat(idsOf(View.ALL, ConversationFilter.none().withLinkedTo(EntityRef.of("case", "2024/17")), o.manager))
        .containsExactly(linked.id());
    assertThat(idsOf(View.ALL, ConversationFilter.none().withCategories(Set.of(StatusCategory.WAITING)), o.manager))
        .containsExactly(waiting.id());
    assertThat(idsOf(View.ALL, ConversationFilter.none().withStatuses(
        Set.of(o.status(DefaultStatuses.WAITING_FOR_ANSWER).id())), o.manager)).containsExactly(waiting.id());
    assertThat(idsOf(View.ALL, ConversationFilter.none().withMailboxes(Set.of(o.sales.id())), o.admin))
        .containsExactly(inSales.id());
    // a mailbox filter never widens what one sees
    assertThat(idsOf(View.INBOX, ConversationFilter.none().withMailboxes(Set.of(o.sales.id())), o.alice)).isEmpty();
  }

  @Test
  default void countsShouldMatchTheViews() {
    Office o = newOffice();
    o.open(o.info, "na 1");
    o.open(o.info, "na 2");
    o.assignedTo(o.alice, "alice's");
    o.assignedTo(o.bob, "bob's");

    ViewCounts alice = o.mm.triage().counts(ConversationFilter.none(), o.alice);
    assertThat(alice.mine()).isEqualTo(1);
    assertThat(alice.unassigned()).isEqualTo(2);
    assertThat(alice.inbox()).isEqualTo(3).isEqualTo(idsOf(View.INBOX, o.alice).size());
    assertThat(alice.all()).as("VIEW_ALL only in her empty personal mailbox: own + NA of info@").hasValue(3);
    ViewCounts carol = o.mm.triage().counts(ConversationFilter.none(), o.carol);
    assertThat(carol.inbox()).isZero();
    assertThat(carol.all()).as("no VIEW_ALL anywhere").isEmpty();
    ViewCounts manager = o.mm.triage().counts(ConversationFilter.none(), o.manager);
    assertThat(manager.all()).hasValue(4);
  }

  @Test
  default void newActivityShouldMakeAConversationUnreadAgain() {
    Office o = newOffice();
    Conversation c = o.open(o.info, "x");
    o.mm.triage().markRead(c.id(), o.alice);
    Page<ConversationSummary> page = o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 10,
        o.alice);
    assertThat(page.items()).singleElement().extracting(ConversationSummary::unread).isEqualTo(false);
    assertThat(o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 10, o.bob).items())
        .singleElement().extracting(ConversationSummary::unread).isEqualTo(true);
  }

  @Test
  default void badPagingInputShouldBeRefused() {
    Office o = newOffice();
    openSeveral(o, 4);
    Page<ConversationSummary> first = o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 2,
        o.alice);
    assertThat(first.next()).isPresent();
    assertThatThrownBy(() -> o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.OLDEST,
        first.nextCursor(), 2, o.alice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    assertThatThrownBy(() -> o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, "garbage!", 2,
        o.alice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
    assertThatThrownBy(() -> o.mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 0,
        o.alice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
  }
}
