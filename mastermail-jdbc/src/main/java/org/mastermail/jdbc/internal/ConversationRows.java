package org.mastermail.jdbc.internal;

import java.sql.ResultSet;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.EntityRef;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Reads conversation rows with their tags and links, and writes the tags and links. */
final class ConversationRows {
  /** A conversation row before its tags and links are attached. */
  record Row(TenantId tenant, ConversationId id, MailboxId mailbox, String subject, @Nullable UserId assignee,
      StatusId status, @Nullable Instant dueAt, boolean urgent, Instant createdAt, Instant lastActivityAt,
      long version) {
    Conversation with(Set<String> tags, Set<EntityRef> links) {
      return new Conversation(tenant, id, mailbox, subject, assignee, status, dueAt, urgent, tags, links, createdAt,
          lastActivityAt, version);
    }
  }

  /** The tags and links of one conversation. */
  record Children(Set<String> tags, Set<EntityRef> links) {
    static final Children NONE = new Children(Set.of(), Set.of());
  }

  private final Handle handle;
  private final Dialect dialect;

  ConversationRows(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  /** Maps the columns of {@link SqlConversationQuery#COLUMNS}. */
  static Row row(ResultSet rs) throws SQLException {
    UUID assignee = Rows.nullableUuid(rs, "assignee_id");
    return new Row(new TenantId(Rows.uuid(rs, "tenant_id")), new ConversationId(Rows.uuid(rs, "id")),
        new MailboxId(Rows.uuid(rs, "mailbox_id")), Rows.string(rs, "subject"),
        assignee == null ? null : new UserId(assignee), new StatusId(Rows.uuid(rs, "status_id")),
        Rows.nullableInstant(rs, "due_at"), rs.getBoolean("urgent"), Rows.instant(rs, "created_at"),
        Rows.instant(rs, "last_activity_at"), rs.getLong("version"));
  }

  /** The {@code tags} array column of a page row (see {@link SqlConversationQuery#page()}). */
  static Set<String> tags(ResultSet rs) throws SQLException {
    Set<String> tags = new HashSet<>();
    for (Object tag : array(rs, "tags")) {
      tags.add((String) tag);
    }
    return tags;
  }

  /** The {@code links} array column of a page row. */
  static Set<EntityRef> links(ResultSet rs) throws SQLException {
    Set<EntityRef> links = new HashSet<>();
    for (Object joined : array(rs, "links")) {
      String text = (String) joined;
      int at = text.indexOf(SqlConversationQuery.LINK_SEPARATOR);
      if (at < 0) {
        throw new IllegalStateException("a page row's link lacks its separator: " + text);
      }
      links.add(EntityRef.of(text.substring(0, at), text.substring(at + 1)));
    }
    return links;
  }

  private static Object[] array(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return new Object[0];
    }
    try {
      return (Object[]) array.getArray();
    } finally {
      array.free();
    }
  }

  /** The rows as conversations, their tags and links read in one query each. */
  List<Conversation> attach(TenantId tenant, List<Row> rows) {
    Map<UUID, Children> children = children(tenant, rows.stream().map(r -> r.id().value()).toList());
    List<Conversation> conversations = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Children c = children.getOrDefault(row.id().value(), Children.NONE);
      conversations.add(row.with(c.tags(), c.links()));
    }
    return conversations;
  }

  /** Tags and links of the given conversations; conversations without either are absent from the map. */
  Map<UUID, Children> children(TenantId tenant, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Set<String>> tags = new HashMap<>();
    new Sql().append("SELECT conversation_id, tag FROM conversation_tags WHERE ")
        .keyedIn(dialect, List.of("tenant_id"), List.of(tenant.value()), "conversation_id", ids)
        .query(handle)
        .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "conversation_id"), Rows.string(rs, "tag")))
        .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    Map<UUID, Set<EntityRef>> links = new HashMap<>();
    new Sql().append("SELECT conversation_id, entity_type, entity_id FROM conversation_links WHERE ")
        .keyedIn(dialect, List.of("tenant_id"), List.of(tenant.value()), "conversation_id", ids)
        .query(handle)
        .map((rs, ctx) -> Map.entry(Rows.uuid(rs, "conversation_id"),
            EntityRef.of(Rows.string(rs, "entity_type"), Rows.string(rs, "entity_id"))))
        .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    Map<UUID, Children> children = new HashMap<>();
    for (UUID id : ids) {
      if (tags.containsKey(id) || links.containsKey(id)) {
        children.put(id, new Children(tags.getOrDefault(id, Set.of()), links.getOrDefault(id, Set.of())));
      }
    }
    return children;
  }

  /** Makes the stored tags and links of {@code next} equal to its sets, writing only the differences. */
  void write(Conversation next, Children stored) {
    UUID tenant = next.tenant().value();
    UUID id = next.id().value();
    Set<String> goneTags = minus(stored.tags(), next.tags());
    Set<String> newTags = minus(next.tags(), stored.tags());
    Set<EntityRef> goneLinks = minus(stored.links(), next.links());
    Set<EntityRef> newLinks = minus(next.links(), stored.links());
    if (!goneTags.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch(
          "DELETE FROM conversation_tags WHERE tenant_id = :tenant AND conversation_id = :id AND tag = :tag");
      goneTags.forEach(tag -> batch.bind("tenant", tenant).bind("id", id).bind("tag", tag).add());
      batch.execute();
    }
    if (!newTags.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch(
          "INSERT INTO conversation_tags (tenant_id, conversation_id, tag) VALUES (:tenant, :id, :tag)");
      newTags.forEach(tag -> batch.bind("tenant", tenant).bind("id", id).bind("tag", tag).add());
      batch.execute();
    }
    if (!goneLinks.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch("DELETE FROM conversation_links WHERE tenant_id = :tenant "
          + "AND conversation_id = :id AND entity_type = :type AND entity_id = :entity");
      goneLinks.forEach(link -> bindLink(batch, tenant, id, link));
      batch.execute();
    }
    if (!newLinks.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch("INSERT INTO conversation_links (tenant_id, conversation_id, "
          + "entity_type, entity_id) VALUES (:tenant, :id, :type, :entity)");
      newLinks.forEach(link -> bindLink(batch, tenant, id, link));
      batch.execute();
    }
  }

  private static void bindLink(PreparedBatch batch, UUID tenant, UUID id, EntityRef link) {
    batch.bind("tenant", tenant).bind("id", id).bind("type", link.type()).bind("entity", link.id()).add();
  }

  private static <T> Set<T> minus(Set<T> a, Set<T> b) {
    Set<T> result = new HashSet<>(a);
    result.removeAll(b);
    return result;
  }
}
