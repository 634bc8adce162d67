package org.mastermail.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.Page;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.testkit.MutableClock;

/** What every engine contract needs: a {@link MasterMail} on the storage under test and its movable clock. */
public interface EngineFixture {
  MasterMail masterMail();

  MutableClock clock();

  default Office newOffice() {
    return Office.create(masterMail());
  }

  /** Every conversation id of a view for {@code actor}, following cursors to the end. */
  default Set<ConversationId> idsOf(View view, ConversationFilter filter, Actor actor) {
    return allOf(view, filter, Sort.NEWEST, actor).stream().map(s -> s.conversation().id())
        .collect(Collectors.toSet());
  }

  default Set<ConversationId> idsOf(View view, Actor actor) {
    return idsOf(view, ConversationFilter.none(), actor);
  }

  default List<ConversationSummary> allOf(View view, ConversationFilter filter, Sort sort, Actor actor) {
    List<ConversationSummary> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<ConversationSummary> page = masterMail().triage().list(view, filter, sort, cursor, 3, actor);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
