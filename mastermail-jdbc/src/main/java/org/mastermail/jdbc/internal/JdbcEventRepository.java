package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.event.EventType;
import org.mastermail.storage.EventRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** The audit log; {@code seq}, an identity column, gives the append order. */
final class JdbcEventRepository implements EventRepository {
  private static final String COLUMNS =
      "tenant_id, id, event_type, conversation_id, actor_id, occurred_at, before_value, after_value, version";

  private final Handle handle;

  JdbcEventRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void append(Event event) {
    requireNonNull(event, "event");
    SqlErrors.idWrite(() -> "event " + event.id() + " already exists in tenant " + event.tenant(),
        () -> bind(handle.createUpdate("INSERT INTO events (" + COLUMNS + ") VALUES (:tenant, :id, :type, "
                + ":conversation, :actor, :at, :before, :after, :version)"), event)
            .execute());
  }

  @Override
  public void appendAll(List<Event> events) {
    requireNonNull(events, "events");
    if (events.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch("INSERT INTO events (" + COLUMNS + ") VALUES (:tenant, :id, :type, "
        + ":conversation, :actor, :at, :before, :after, :version)");
    for (Event event : events) {
      bind(batch, event).add();
    }
    SqlErrors.idWrite(() -> "one of " + events.size() + " events already exists", () -> batch.execute().length);
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Event event) {
    return statement.bind("tenant", event.tenant().value())
        .bind("id", event.id().value())
        .bind("type", event.type().name())
        .bindByType("conversation", event.conversation() == null ? null : event.conversation().value(), UUID.class)
        .bindByType("actor", event.actor() == null ? null : event.actor().value(), UUID.class)
        .bind("at", event.at())
        .bindByType("before", event.before(), String.class)
        .bindByType("after", event.after(), String.class)
        .bind("version", event.version());
  }

  @Override
  public List<Event> listByConversation(TenantId tenant, ConversationId conversation) {
    requireNonNull(tenant, "tenant");
    requireNonNull(conversation, "conversation");
    return handle.createQuery("SELECT " + COLUMNS + " FROM events "
            + "WHERE tenant_id = :tenant AND conversation_id = :conversation ORDER BY seq")
        .bind("tenant", tenant.value())
        .bind("conversation", conversation.value())
        .map(JdbcEventRepository::map)
        .list();
  }

  @Override
  public List<Event> listBetween(TenantId tenant, Instant from, Instant to) {
    requireNonNull(tenant, "tenant");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return handle.createQuery("SELECT " + COLUMNS + " FROM events "
            + "WHERE tenant_id = :tenant AND occurred_at >= :from AND occurred_at < :to ORDER BY seq")
        .bind("tenant", tenant.value())
        .bind("from", from)
        .bind("to", to)
        .map(JdbcEventRepository::map)
        .list();
  }

  private static Event map(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID conversation = Rows.nullableUuid(rs, "conversation_id");
    UUID actor = Rows.nullableUuid(rs, "actor_id");
    return new Event(new TenantId(Rows.uuid(rs, "tenant_id")), new EventId(Rows.uuid(rs, "id")),
        EventType.valueOf(Rows.string(rs, "event_type")),
        conversation == null ? null : new ConversationId(conversation), actor == null ? null : new UserId(actor), Rows.instant(rs, "occurred_at"), rs.getString("before_value"),
        rs.getString("after_value"), rs.getLong("version"));
  }
}
