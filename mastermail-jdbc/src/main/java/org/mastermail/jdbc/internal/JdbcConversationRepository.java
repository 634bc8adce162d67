package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Note;
import org.mastermail.conversation.NoteId;
import org.mastermail.status.StatusId;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.ConversationRepository;
import org.mastermail.storage.StaleAccessException;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

final class JdbcConversationRepository implements ConversationRepository {
  private final Handle handle;
  private final Dialect dialect;
  private final ConversationRows rows;

  JdbcConversationRepository(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.rows = new ConversationRows(handle, dialect);
    this.dialect = dialect;
  }

  @Override
  public void insert(Conversation conversation) {
    requireNonNull(conversation, "conversation");
    SqlErrors.idWrite(() -> "conversation " + conversation.id() + " already exists in tenant " + conversation.tenant(),
        () -> bindFields(handle.createUpdate("INSERT INTO conversations (tenant_id, id, mailbox_id, subject, "
                + "assignee_id, status_id, due_at, due_key, urgent, created_at, last_activity_at, version) VALUES "
                + "(:tenant, :id, :mailbox, :subject, :assignee, :status, :dueAt, :dueKey, :urgent, :createdAt, "
                + ":lastActivityAt, :version)"), conversation)
            .execute());
    rows.write(conversation, ConversationRows.Children.NONE);
  }

  @Override
  public Optional<Conversation> find(TenantId tenant, ConversationId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    List<ConversationRows.Row> found = handle.createQuery("SELECT " + SqlConversationQuery.COLUMNS
            + " FROM conversations c WHERE c.tenant_id = :tenant AND c.id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map((rs, ctx) -> ConversationRows.row(rs))
        .list();
    return rows.attach(tenant, found).stream().findFirst();
  }

  @Override
  public List<Conversation> findAll(TenantId tenant, Collection<ConversationId> ids) {
    requireNonNull(tenant, "tenant");
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ConversationRows.Row> found = new Sql().append("SELECT " + SqlConversationQuery.COLUMNS
            + " FROM conversations c WHERE ")
        .keyedIn(dialect, List.of("c.tenant_id"), List.of(tenant.value()), "c.id",
            ids.stream().map(ConversationId::value).distinct().toList())
        .query(handle).map((rs, ctx) -> ConversationRows.row(rs)).list();
    return rows.attach(tenant, found);
  }

  @Override
  public boolean update(Conversation next) {
    requireNonNull(next, "next");
    int updated = bindFields(handle.createUpdate("UPDATE conversations SET mailbox_id = :mailbox, subject = :subject, "
            + "assignee_id = :assignee, status_id = :status, due_at = :dueAt, due_key = :dueKey, urgent = :urgent, "
            + "created_at = :createdAt, last_activity_at = :lastActivityAt, version = :version "
            + "WHERE tenant_id = :tenant AND id = :id AND version = :previous"), next)
        .bind("previous", next.version() - 1)
        .execute();
    if (updated == 0) {
      return false;
    }
    UUID id = next.id().value();
    rows.write(next, rows.children(next.tenant(), List.of(id)).getOrDefault(id, ConversationRows.Children.NONE));
    return true;
  }

  /** One batch of narrow updates in key order (so that two nodes lock rows in the same order), then one read. */
  @Override
  public List<Conversation> touch(TenantId tenant, Collection<ConversationId> ids, Instant at) {
    requireNonNull(tenant, "tenant");
    requireNonNull(at, "at");
    List<ConversationId> distinct = List.copyOf(new LinkedHashSet<>(ids));
    if (distinct.isEmpty()) {
      return List.of();
    }
    PreparedBatch batch = handle.prepareBatch("UPDATE conversations SET last_activity_at = :at, version = version + 1 "
        + "WHERE tenant_id = :tenant AND id = :id");
    distinct.stream().map(ConversationId::value).sorted()
        .forEach(id -> batch.bind("at", at).bind("tenant", tenant.value()).bind("id", id).add());
    batch.execute();
    List<ConversationRows.Row> found = new Sql().append("SELECT " + SqlConversationQuery.COLUMNS
            + " FROM conversations c WHERE ").keyedIn(dialect, List.of("c.tenant_id"), List.of(tenant.value()), "c.id",
            distinct.stream().map(ConversationId::value).toList())
        .query(handle).map((rs, ctx) -> ConversationRows.row(rs)).list();
    Map<ConversationId, Conversation> byId = new HashMap<>();
    rows.attach(tenant, found).forEach(c -> byId.put(c.id(), c));
    List<Conversation> touched = new ArrayList<>(byId.size());
    for (ConversationId id : distinct) {
      Conversation c = byId.get(id);
      if (c != null) {
        touched.add(c);
      }
    }
    return touched;
  }

  @Override
  public List<ConversationSummary> query(ConversationQuery query) {
    requireNonNull(query, "query");
    SqlConversationQuery sql = new SqlConversationQuery(query, dialect);
    if (sql.matchesNothing()) {
      return List.of();
    }
    return page(sql.page(false), false).rows();
  }

  /**
   * {@link #query} in one statement with the tenant's access revision; fails when it is not {@code accessRevision}.
   * An empty page carries no revision, so then the revision is read on its own.
   */
  List<ConversationSummary> queryAtAccessRevision(ConversationQuery query, long accessRevision) {
    requireNonNull(query, "query");
    SqlConversationQuery sql = new SqlConversationQuery(query, dialect);
    Page page = sql.matchesNothing() ? new Page(List.of(), -1) : page(sql.page(true), true);
    long current = page.rows().isEmpty() ? new JdbcTenantRepository(handle).accessRevision(query.tenant())
        : page.revision();
    if (current != accessRevision) {
      throw new StaleAccessException("access revision of tenant " + query.tenant() + " is " + current + ", not "
          + accessRevision);
    }
    return page.rows();
  }

  private record Page(List<ConversationSummary> rows, long revision) {}

  private Page page(Sql sql, boolean withRevision) {
    long[] revision = {-1};
    List<ConversationSummary> rows = sql.query(handle).map((rs, ctx) -> {
      if (withRevision) {
        revision[0] = rs.getLong("access_revision");
      }
      ConversationRows.Row row = ConversationRows.row(rs);
      Instant readAt = Rows.nullableInstant(rs, "read_at");
      Conversation conversation = row.with(ConversationRows.tags(rs), ConversationRows.links(rs));
      return new ConversationSummary(conversation, readAt == null || readAt.isBefore(row.lastActivityAt()));
    }).list();
    return new Page(rows, revision[0]);
  }

  @Override
  public long count(ConversationQuery query) {
    requireNonNull(query, "query");
    SqlConversationQuery sql = new SqlConversationQuery(query, dialect);
    if (sql.matchesNothing()) {
      return 0;
    }
    return sql.count().query(handle).mapTo(Long.class).one();
  }

  @Override
  public long countWithStatus(TenantId tenant, StatusId status) {
    return handle.createQuery("SELECT COUNT(*) FROM conversations WHERE tenant_id = :tenant AND status_id = :status")
        .bind("tenant", tenant.value())
        .bind("status", status.value())
        .mapTo(Long.class)
        .one();
  }

  @Override
  public int replaceStatus(TenantId tenant, StatusId from, StatusId to) {
    return handle.createUpdate("UPDATE conversations SET status_id = :to, version = version + 1 "
            + "WHERE tenant_id = :tenant AND status_id = :from")
        .bind("tenant", tenant.value())
        .bind("from", from.value())
        .bind("to", to.value())
        .execute();
  }

  @Override
  public void addNote(Note note) {
    requireNonNull(note, "note");
    SqlErrors.idWrite(() -> "note " + note.id() + " already exists in tenant " + note.tenant(),
        () -> handle.createUpdate("INSERT INTO notes (tenant_id, id, conversation_id, author_id, body, created_at) "
                + "VALUES (:tenant, :id, :conversation, :author, :body, :createdAt)")
            .bind("tenant", note.tenant().value())
            .bind("id", note.id().value())
            .bind("conversation", note.conversation().value())
            .bindByType("author", note.author() == null ? null : note.author().value(), UUID.class)
            .bind("body", note.body())
            .bind("createdAt", note.createdAt())
            .execute());
  }

  @Override
  public List<Note> notes(TenantId tenant, ConversationId conversation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(conversation, "conversation");
    return handle.createQuery("SELECT id, author_id, body, created_at FROM notes "
            + "WHERE tenant_id = :tenant AND conversation_id = :conversation ORDER BY created_at, seq")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .map((rs, ctx) -> new Note(tenant, new NoteId(Rows.uuid(rs, "id")), conversation,
            author(Rows.nullableUuid(rs, "author_id")), Rows.string(rs, "body"), Rows.instant(rs, "created_at")))
        .list();
  }

  @Override
  public void markRead(TenantId tenant, ConversationId conversation, UserId user, Instant at) {
    requireNonNull(at, "at");
    // update first, insert when absent: the same SQL on H2 and PostgreSQL, unlike upsert syntax
    int updated = handle.createUpdate("UPDATE read_marks SET read_at = :at "
            + "WHERE tenant_id = :tenant AND conversation_id = :conversation AND user_id = :user")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .bind("user", user.value())
        .bind("at", at)
        .execute();
    if (updated == 0) {
      handle.createUpdate("INSERT INTO read_marks (tenant_id, conversation_id, user_id, read_at) "
              + "VALUES (:tenant, :conversation, :user, :at)")
          .bind("tenant", tenant.value())
          .bind("conversation", conversation.value())
          .bind("user", user.value())
          .bind("at", at)
          .execute();
    }
  }

  @Override
  public void markUnread(TenantId tenant, ConversationId conversation, UserId user) {
    handle.createUpdate("DELETE FROM read_marks "
            + "WHERE tenant_id = :tenant AND conversation_id = :conversation AND user_id = :user")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .bind("user", user.value())
        .execute();
  }

  @Override
  public Optional<Instant> readAt(TenantId tenant, ConversationId conversation, UserId user) {
    return handle.createQuery("SELECT read_at FROM read_marks "
            + "WHERE tenant_id = :tenant AND conversation_id = :conversation AND user_id = :user")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .bind("user", user.value())
        .map((rs, ctx) -> Rows.instant(rs, "read_at"))
        .findOne();
  }

  private static Update bindFields(Update update, Conversation c) {
    return update.bind("tenant", c.tenant().value())
        .bind("id", c.id().value())
        .bind("mailbox", c.mailbox().value())
        .bind("subject", c.subject())
        .bindByType("assignee", c.assignee() == null ? null : c.assignee().value(), UUID.class)
        .bind("status", c.status().value())
        .bindByType("dueAt", c.dueAt(), Instant.class)
        .bind("dueKey", ConversationQuery.dueKey(c))
        .bind("urgent", c.urgent())
        .bind("createdAt", c.createdAt())
        .bind("lastActivityAt", c.lastActivityAt())
        .bind("version", c.version());
  }

  @Override
  public Map<UserId, Long> countByAssignee(TenantId tenant, Set<UserId> assignees, Set<StatusId> statuses) {
    requireNonNull(tenant, "tenant");
    if (assignees.isEmpty() || statuses.isEmpty()) {
      return Map.of();
    }
    Map<UserId, Long> counts = new HashMap<>();
    // keyed by tenant and assignee: H2 then looks each assignee up in the index instead of testing the list on every
    // conversation of the tenant
    new Sql().append("SELECT assignee_id, COUNT(*) AS n FROM conversations WHERE ")
        .keyedIn(dialect, List.of("tenant_id"), List.of(tenant.value()), "assignee_id",
            assignees.stream().map(UserId::value).toList())
        .append(" AND status_id IN ").list(statuses.stream().map(StatusId::value).toList())
        .append(" GROUP BY assignee_id")
        .query(handle)
        .map((rs, ctx) -> Map.entry(new UserId(Rows.uuid(rs, "assignee_id")), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  private static @Nullable UserId author(@Nullable UUID id) {
    return id == null ? null : new UserId(id);
  }
}
