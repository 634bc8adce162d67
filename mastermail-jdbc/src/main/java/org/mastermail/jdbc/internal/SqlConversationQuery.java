package org.mastermail.jdbc.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.tenant.UserId;

/**
 * The SQL of a {@link ConversationQuery}. The visibility and scope conditions are split into disjoint branches, each a
 * single assignee value in a single mailbox, so that every branch reads one index range in sort order and stops after
 * {@code limit} rows; the branches are joined with {@code UNION ALL} and merged by an outer {@code ORDER BY ... FETCH
 * FIRST}. An {@code OR} of assignee values would make the database sort every unassigned row instead.
 *
 * <p>Order: the sort key, then the id (unsigned bytes, the {@code uuid} order of both databases), both descending for
 * {@link Sort#NEWEST} and ascending otherwise; a keyset continues strictly after its position in that order.
 */
final class SqlConversationQuery {
  /**
   * What PostgreSQL's full-text search matches: the expression of the GIN index {@code message_contents_search_ix}
   * (migration V11), written the same here so that the index answers it. The body counts up to its first 200,000
   * characters: one tsvector holds at most 1 MB, and the start of a long body is what people search for.
   */
  static final String SEARCH_VECTOR =
      "to_tsvector('simple', coalesce(mc.search_text, '') || ' ' || left(mc.body_text, 200000))";

  static final String COLUMNS = "c.tenant_id, c.id, c.mailbox_id, c.subject, c.assignee_id, c.status_id, c.due_at, "
      + "c.due_key, c.urgent, c.created_at, c.last_activity_at, c.version";

  /** Joins a link's type and id in a page row; entity types and ids never contain control characters. */
  static final char LINK_SEPARATOR = '\u001f';

  /** One assignee condition over some mailboxes: a user, unassigned ({@code IS NULL}), or any assignee. */
  private record Branch(List<UUID> mailboxes, Assignee assignee, @Nullable UUID user) {}

  private enum Assignee { USER, NONE, ANY }

  private final ConversationQuery query;
  private final Dialect dialect;
  private final List<Branch> branches;
  private final String key;
  private final String direction;

  SqlConversationQuery(ConversationQuery query, Dialect dialect) {
    this.query = query;
    this.dialect = dialect;
    this.branches = branches(query);
    this.key = query.sort() == Sort.DUE ? "due_key" : "last_activity_at";
    this.direction = query.sort() == Sort.NEWEST ? "DESC" : "ASC";
  }

  /** Whether visibility and scope leave nothing to look at (for example another user's queue without VIEW_ALL). */
  boolean matchesNothing() {
    return branches.isEmpty();
  }

  /**
   * One page in one round trip: the conversation columns (see {@link #COLUMNS}), the viewer's {@code read_at}, and the
   * tags ({@code tags}) and links ({@code links}: type, {@link #LINK_SEPARATOR}, id) as arrays. The arrays are gathered
   * outside the limited page so that they are read for the page's rows only.
   */
  Sql page() {
    return page(false);
  }

  /** {@link #page()}, with the tenant's {@code access_revision} as a column when {@code withRevision}. */
  Sql page(boolean withRevision) {
    String order = " ORDER BY p." + key + " " + direction + ", p.id " + direction;
    Sql sql = new Sql().append("SELECT p.*, ");
    if (withRevision) {
      sql.append("(SELECT t.access_revision FROM tenants t WHERE t.tenant_id = ").param(query.tenant().value())
          .append(") AS access_revision, ");
    }
    sql.append("(SELECT ARRAY_AGG(t.tag) FROM conversation_tags t "
        + "WHERE t.tenant_id = p.tenant_id AND t.conversation_id = p.id) AS tags, "
        + "(SELECT ARRAY_AGG(l.entity_type || '" + LINK_SEPARATOR + "' || l.entity_id) FROM conversation_links l "
        + "WHERE l.tenant_id = p.tenant_id AND l.conversation_id = p.id) AS links "
        + "FROM (SELECT u.*, r.read_at FROM (");
    union(sql, true);
    return sql.append(") u LEFT JOIN read_marks r ON r.tenant_id = u.tenant_id AND r.conversation_id = u.id "
            + "AND r.user_id = ").param(query.viewer().value())
        .append(order.replace("p.", "u.") + " FETCH FIRST " + query.limit() + " ROWS ONLY) p" + order);
  }

  /** {@code COUNT(*)} of every matching row, position and limit aside. */
  Sql count() {
    Sql sql = new Sql().append("SELECT COUNT(*) FROM (");
    union(sql, false);
    return sql.append(") u");
  }

  private void union(Sql sql, boolean page) {
    String separator = "";
    for (Branch branch : branches) {
      sql.append(separator).append("(").append(branch(branch, page)).append(")");
      separator = " UNION ALL ";
    }
  }

  private Sql branch(Branch branch, boolean page) {
    Sql sql = new Sql().append(page ? "SELECT " + COLUMNS : "SELECT c.id")
        .append(" FROM conversations c WHERE c.tenant_id = ").param(query.tenant().value())
        .append(" AND c.mailbox_id IN ").list(branch.mailboxes());
    switch (branch.assignee()) {
      case USER -> sql.append(" AND c.assignee_id = ").param(requireUser(branch));
      case NONE -> sql.append(" AND c.assignee_id IS NULL");
      case ANY -> { } // full-access mailboxes: the mailbox list alone decides visibility
    }
    filters(sql);
    if (page) {
      keyset(sql);
      // the limit is a literal: H2's query cache reuses a plan's FETCH FIRST ? across different values
      sql.append(" ORDER BY c." + key + " " + direction + ", c.id " + direction + " FETCH FIRST "
          + query.limit() + " ROWS ONLY");
    }
    return sql;
  }

  private void filters(Sql sql) {
    if (!query.statuses().isEmpty()) {
      sql.append(" AND c.status_id IN ").list(sorted(query.statuses().stream().map(StatusId::value).toList()));
    }
    if (query.tag() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.tenant_id = c.tenant_id "
          + "AND t.conversation_id = c.id AND t.tag = ").param(query.tag()).append(")");
    }
    if (query.dueBefore() != null) {
      sql.append(" AND c.due_at < ").param(query.dueBefore());
    }
    String text = query.text();
    if (text != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM messages m JOIN message_contents mc ON mc.tenant_id = m.tenant_id "
          + "AND mc.message_id = m.id WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND ");
      if (dialect == Dialect.POSTGRESQL) {
        sql.append(SEARCH_VECTOR + " @@ plainto_tsquery('simple', ").param(text).append(")");
      } else {
        String separator = "";
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
          String pattern = "%" + escapeLike(word) + "%";
          sql.append(separator).append("(LOWER(mc.search_text) LIKE ").param(pattern).append(" ESCAPE '!' OR ")
              .append("LOWER(mc.body_text) LIKE ").param(pattern).append(" ESCAPE '!')");
          separator = " AND ";
        }
      }
      sql.append(")");
    }
    EntityRef link = query.linkedTo();
    if (link != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM conversation_links l WHERE l.tenant_id = c.tenant_id "
              + "AND l.conversation_id = c.id AND l.entity_type = ").param(link.type())
          .append(" AND l.entity_id = ").param(link.id()).append(")");
    }
  }

  // The redundant "key <= ?" bounds the index range; the OR alone would leave the database a filter, not a range.
  private void keyset(Sql sql) {
    Keyset after = query.after();
    if (after == null) {
      return;
    }
    String outer = query.sort() == Sort.NEWEST ? "<=" : ">=";
    String strict = query.sort() == Sort.NEWEST ? "<" : ">";
    sql.append(" AND c." + key + " " + outer + " ").param(after.key())
        .append(" AND (c." + key + " " + strict + " ").param(after.key())
        .append(" OR c.id " + strict + " ").param(after.id().value()).append(")");
  }

  // '!' rather than a backslash: Jdbi's statement parser would read '\' as an escaped quote
  private static String escapeLike(String word) {
    return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static UUID requireUser(Branch branch) {
    UUID user = branch.user();
    if (user == null) {
      throw new IllegalStateException("a USER branch names its user");
    }
    return user;
  }

  private static List<Branch> branches(ConversationQuery query) {
    Set<MailboxId> full = query.mailboxes().stream().filter(query.fullAccess()::contains).collect(Collectors.toSet());
    List<UUID> all = ids(query.mailboxes());
    List<UUID> fullIds = ids(full);
    List<UUID> restricted = ids(query.mailboxes().stream().filter(m -> !full.contains(m)).toList());
    UUID viewer = query.viewer().value();
    List<Branch> branches = new ArrayList<>();
    switch (query.scope()) {
      case ANY -> {
        add(branches, fullIds, Assignee.ANY, null);
        add(branches, restricted, Assignee.USER, viewer);
        add(branches, restricted, Assignee.NONE, null);
      }
      case ASSIGNED_TO -> {
        UserId assignee = query.assignee();
        if (assignee == null) {
          throw new IllegalArgumentException("ASSIGNED_TO needs an assignee");
        }
        // someone else's conversations are visible only where the viewer has full access
        add(branches, assignee.value().equals(viewer) ? all : fullIds, Assignee.USER, assignee.value());
      }
      case UNASSIGNED -> add(branches, all, Assignee.NONE, null);
      case VIEWER_OR_UNASSIGNED -> {
        add(branches, all, Assignee.USER, viewer);
        add(branches, all, Assignee.NONE, null);
      }
    }
    return branches;
  }

  // one branch per mailbox: each reads a single index range (assignee, mailbox, key) in order and stops at the limit
  private static void add(List<Branch> branches, List<UUID> mailboxes, Assignee assignee, @Nullable UUID user) {
    for (UUID mailbox : mailboxes) {
      branches.add(new Branch(List.of(mailbox), assignee, user));
    }
  }

  // sorted so that the same query always gives the same SQL text (statement caches, plans)
  private static List<UUID> ids(Collection<MailboxId> mailboxes) {
    return sorted(mailboxes.stream().map(MailboxId::value).toList());
  }

  private static List<UUID> sorted(List<UUID> ids) {
    List<UUID> copy = new ArrayList<>(ids);
    copy.sort(Uuids.UNSIGNED);
    return copy;
  }
}
