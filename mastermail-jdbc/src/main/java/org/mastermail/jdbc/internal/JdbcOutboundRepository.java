package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.storage.OutboundKeyset;
import org.mastermail.storage.OutboundRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Outbound mail, sending accounts and templates. {@link #claim} locks due rows with {@code FOR UPDATE SKIP LOCKED}, so
 * dispatchers on several nodes never take the same message: lapsed claims first, then due messages, each earliest
 * first.
 */
final class JdbcOutboundRepository implements OutboundRepository {
  /** A claim of a dispatcher that died: its message may be taken over. */
  private static final Due LAPSED = new Due("state = 'SENDING' AND claimed_until < ", "claimed_until");
  /** A queued message whose time has come. */
  private static final Due QUEUED = new Due("state = 'QUEUED' AND next_attempt_at <= ", "next_attempt_at");

  /** Stores a message if its stored version is {@code :previous}. */
  private static final String UPDATE = "UPDATE outbound_messages SET mailbox_id = :mailbox, "
      + "conversation_id = :conversation, author_id = :author, from_address = :from, from_name = :fromName, "
      + "reply_to = :replyTo, to_addresses = :to, cc_addresses = :cc, bcc_addresses = :bcc, "
      + "subject = :subject, body_text = :text, body_html = :html, in_reply_to = :inReplyTo, refs = :references, "
      + "attachments = :attachments, auto_submitted = :autoSubmitted, created_at = :createdAt, "
      + OutboundRows.DELIVERY_ASSIGNMENTS + " WHERE tenant_id = :tenant AND id = :id AND version = :previous";

  /** Stores a message's delivery if its stored version is {@code :previous}. */
  private static final String UPDATE_DELIVERY = "UPDATE outbound_messages SET " + OutboundRows.DELIVERY_ASSIGNMENTS
      + " WHERE tenant_id = :tenant AND id = :id AND version = :previous";

  private final Handle handle;
  private final Dialect dialect;

  JdbcOutboundRepository(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  /** Which rows {@link #claim} takes: those meeting {@code condition} followed by {@code now}, by {@code time}. */
  private record Due(String condition, String time) {}

  @Override
  public void insert(OutboundMessage message) {
    requireNonNull(message, "message");
    SqlErrors.idWrite(() -> "outbound message " + message.id() + " already exists in tenant " + message.tenant(),
        () -> OutboundRows.bind(handle.createUpdate("INSERT INTO outbound_messages (" + OutboundRows.COLUMNS
            + ") VALUES (" + OutboundRows.VALUES + ")"), message).execute());
  }

  @Override
  public boolean update(OutboundMessage next) {
    requireNonNull(next, "next");
    return OutboundRows.bind(handle.createUpdate(UPDATE), next)
        .bind("previous", next.version() - 1)
        .execute() == 1;
  }

  @Override
  public boolean[] updateAll(List<OutboundMessage> next) {
    requireNonNull(next, "next");
    if (next.isEmpty()) {
      return new boolean[0];
    }
    PreparedBatch batch = handle.prepareBatch(UPDATE);
    for (OutboundMessage m : next) {
      OutboundRows.bind(batch, m).bind("previous", m.version() - 1).add();
    }
    return stored(batch.execute());
  }

  /**
   * The delivery columns alone: the letter's text is neither sent to the database again nor, on PostgreSQL,
   * compressed again into the new row version.
   */
  @Override
  public boolean[] updateDeliveries(List<OutboundMessage> next) {
    requireNonNull(next, "next");
    if (next.isEmpty()) {
      return new boolean[0];
    }
    PreparedBatch batch = handle.prepareBatch(UPDATE_DELIVERY);
    for (OutboundMessage m : next) {
      OutboundRows.bindDelivery(batch, m).bind("tenant", m.tenant().value()).bind("previous", m.version() - 1).add();
    }
    return stored(batch.execute());
  }

  private static boolean[] stored(int[] counts) {
    boolean[] updated = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      updated[i] = counts[i] == 1;
    }
    return updated;
  }

  @Override
  public Optional<OutboundMessage> find(TenantId tenant, OutboundId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return handle.createQuery("SELECT " + OutboundRows.COLUMNS + " FROM outbound_messages "
            + "WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value()).bind("id", id.value())
        .map((rs, ctx) -> OutboundRows.map(rs)).findOne();
  }

  @Override
  public List<OutboundMessage> list(TenantId tenant, MailboxId mailbox, Set<OutboundState> states,
      @Nullable UserId author, @Nullable OutboundKeyset after, int limit) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(states, "states");
    positive(limit);
    if (states.isEmpty()) {
      return List.of();
    }
    Sql sql = new Sql().append("SELECT " + OutboundRows.COLUMNS + " FROM outbound_messages WHERE tenant_id = ")
        .param(tenant.value())
        .append(" AND mailbox_id = ").param(mailbox.value())
        .append(" AND state IN ").list(states.stream().map(OutboundState::name).sorted().toList());
    if (author != null) {
      sql.append(" AND author_id = ").param(author.value());
    }
    if (after != null) {
      sql.append(" AND (updated_at < ").param(after.updatedAt())
          .append(" OR (updated_at = ").param(after.updatedAt()).append(" AND id < ").param(after.id().value())
          .append("))");
    }
    // the limit is a literal: H2's query cache reuses a plan's FETCH FIRST ? across different values
    sql.append(" ORDER BY updated_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY");
    return sql.query(handle).map((rs, ctx) -> OutboundRows.map(rs)).list();
  }

  /**
   * On PostgreSQL the claim's transaction commits without waiting for its WAL to reach disk ({@code
   * synchronous_commit = off}): other sessions see the claim at once all the same, so dispatchers never take the same
   * message; only a crash of the database itself may forget the claims of its last fraction of a second, and those
   * messages are then sent again, as the delivery of a claimed message is at least once anyway (a node that dies
   * mid-send leaves the same). A disk flush per claim would cost as much as sending its messages.
   */
  @Override
  public List<OutboundMessage> claim(Instant now, String holder, Instant until, int limit) {
    requireNonNull(now, "now");
    requireNonNull(holder, "holder");
    requireNonNull(until, "until");
    positive(limit);
    if (dialect == Dialect.POSTGRESQL) {
      handle.execute("SET LOCAL synchronous_commit TO OFF");
    }
    List<OutboundMessage> due = new ArrayList<>(lock(LAPSED, now, limit));
    if (due.size() < limit) {
      due.addAll(lock(QUEUED, now, limit - due.size()));
    }
    if (due.isEmpty()) {
      return List.of();
    }
    List<OutboundMessage> claimed = due.stream().map(m -> m.with(m.delivery().claimed(holder, until), now)).toList();
    PreparedBatch batch = handle.prepareBatch(UPDATE_DELIVERY);
    for (OutboundMessage next : claimed) {
      OutboundRows.bindDelivery(batch, next).bind("tenant", next.tenant().value())
          .bind("previous", next.version() - 1).add();
    }
    int[] updated = batch.execute();
    // a stale read (a row another claim changed before we locked it) matches no version: left out, never overwritten
    List<OutboundMessage> out = new ArrayList<>(claimed.size());
    for (int i = 0; i < claimed.size(); i++) {
      if (updated[i] == 1) {
        out.add(claimed.get(i));
      }
    }
    return out;
  }

  /** Locks up to {@code limit} rows that are {@code due} at {@code now}, earliest first, skipping locked ones. */
  private List<OutboundMessage> lock(Due due, Instant now, int limit) {
    // state is one value here; naming it lets H2, too, read the rows in the order of the index (state, time, key)
    String order = " ORDER BY state, " + due.time() + ", tenant_id, id";
    if (dialect == Dialect.POSTGRESQL) {
      return new Sql().append("SELECT " + OutboundRows.COLUMNS + " FROM outbound_messages WHERE " + due.condition())
          .param(now)
          .append(order + " FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
          .query(handle).map((rs, ctx) -> OutboundRows.map(rs)).list();
    }
    return lockInPages(due, now, limit, order);
  }

  /**
   * H2 applies {@code SKIP LOCKED} after {@code ORDER BY ... FETCH FIRST}: a page whose rows another transaction holds
   * comes back empty although later rows are free. So the candidates are read in order without a lock, then locked by
   * key, with the condition again and without order or limit (where H2 skips locked rows one by one), page after page
   * until enough are locked or none are left.
   */
  private List<OutboundMessage> lockInPages(Due due, Instant now, int limit, String order) {
    List<OutboundMessage> locked = new ArrayList<>();
    @Nullable Candidate after = null;
    while (locked.size() < limit) {
      int wanted = limit - locked.size();
      Sql candidates = new Sql().append("SELECT tenant_id, id, " + due.time() + " AS due_at FROM outbound_messages "
          + "WHERE " + due.condition()).param(now);
      if (after != null) {
        candidates.append(" AND (" + due.time() + " > ").param(after.at())
            .append(" OR (" + due.time() + " = ").param(after.at())
            .append(" AND (tenant_id > ").param(after.tenant())
            .append(" OR (tenant_id = ").param(after.tenant()).append(" AND id > ").param(after.id())
            .append("))))");
      }
      candidates.append(order + " FETCH FIRST " + wanted + " ROWS ONLY");
      List<Candidate> page = candidates.query(handle).map((rs, ctx) -> new Candidate(Rows.uuid(rs, "tenant_id"),
          Rows.uuid(rs, "id"), Rows.instant(rs, "due_at"))).list();
      if (page.isEmpty()) {
        break;
      }
      Sql lock = new Sql().append("SELECT " + OutboundRows.COLUMNS + " FROM outbound_messages WHERE " + due.condition())
          .param(now).append(" AND (tenant_id, id) IN (");
      String separator = "";
      for (Candidate c : page) {
        lock.append(separator + "(").param(c.tenant()).append(", ").param(c.id()).append(")");
        separator = ", ";
      }
      Map<UUID, OutboundMessage> byId = new HashMap<>();
      lock.append(") FOR UPDATE SKIP LOCKED").query(handle).map((rs, ctx) -> OutboundRows.map(rs))
          .forEach(m -> byId.put(m.id().value(), m));
      for (Candidate c : page) {
        OutboundMessage m = byId.get(c.id());
        if (m != null && m.tenant().value().equals(c.tenant())) {
          locked.add(m);
        }
      }
      if (page.size() < wanted) {
        break;
      }
      after = page.get(page.size() - 1);
    }
    return locked;
  }

  /** A row that may be due, and its place in the order of a claim. */
  private record Candidate(UUID tenant, UUID id, Instant at) {}

  @Override
  public Optional<Instant> nextDue() {
    return handle.createQuery("SELECT (SELECT MIN(next_attempt_at) FROM outbound_messages WHERE state = 'QUEUED') "
            + "AS queued, (SELECT MIN(claimed_until) FROM outbound_messages WHERE state = 'SENDING') AS lapsing")
        .map((rs, ctx) -> {
          Instant queued = Rows.nullableInstant(rs, "queued");
          Instant lapsing = Rows.nullableInstant(rs, "lapsing");
          return Optional.ofNullable(queued == null || (lapsing != null && lapsing.isBefore(queued)) ? lapsing
              : queued);
        })
        .one();
  }

  @Override
  public SendingAccount account(TenantId tenant, MailboxId mailbox) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    return handle.createQuery("SELECT display_name, reply_to, signature_text, signature_html FROM sending_accounts "
            + "WHERE tenant_id = :tenant AND mailbox_id = :mailbox")
        .bind("tenant", tenant.value()).bind("mailbox", mailbox.value())
        .map((rs, ctx) -> new SendingAccount(mailbox, rs.getString("display_name"), rs.getString("reply_to"),
            rs.getString("signature_text"), rs.getString("signature_html")))
        .findOne()
        .orElse(SendingAccount.plain(mailbox));
  }

  @Override
  public void saveAccount(TenantId tenant, SendingAccount account) {
    requireNonNull(tenant, "tenant");
    requireNonNull(account, "account");
    // update first, insert when absent: the same SQL on H2 and PostgreSQL, unlike upsert syntax
    int updated = bindAccount(handle.createUpdate("UPDATE sending_accounts SET display_name = :name, "
        + "reply_to = :replyTo, signature_text = :text, signature_html = :html "
        + "WHERE tenant_id = :tenant AND mailbox_id = :mailbox"), tenant, account).execute();
    if (updated == 0) {
      SqlErrors.idWrite(() -> "the sending account of mailbox " + account.mailbox() + " was created meanwhile",
          () -> bindAccount(handle.createUpdate("INSERT INTO sending_accounts (tenant_id, mailbox_id, display_name, "
              + "reply_to, signature_text, signature_html) VALUES (:tenant, :mailbox, :name, :replyTo, :text, :html)"),
              tenant, account).execute());
    }
  }

  private static Update bindAccount(Update update,
      TenantId tenant, SendingAccount account) {
    return update.bind("tenant", tenant.value()).bind("mailbox", account.mailbox().value())
        .bindByType("name", account.displayName(), String.class)
        .bindByType("replyTo", account.replyTo(), String.class)
        .bindByType("text", account.signatureText(), String.class)
        .bindByType("html", account.signatureHtml(), String.class);
  }

  @Override
  public void saveTemplate(TenantId tenant, Template template) {
    requireNonNull(tenant, "tenant");
    requireNonNull(template, "template");
    int updated = writeTemplate(tenant, template, "UPDATE message_templates SET mailbox_id = :mailbox, name = :name, "
        + "subject = :subject, body_text = :text, body_html = :html WHERE tenant_id = :tenant AND id = :id");
    if (updated == 0) {
      writeTemplate(tenant, template, "INSERT INTO message_templates (tenant_id, id, mailbox_id, name, subject, "
          + "body_text, body_html) VALUES (:tenant, :id, :mailbox, :name, :subject, :text, :html)");
    }
  }

  /** Runs {@code sql} in a savepoint, so that a taken name leaves the transaction usable and the template unsaved. */
  private int writeTemplate(TenantId tenant, Template template, String sql) {
    return SqlErrors.uniqueWrite(handle, "message_templates_name_uq",
        () -> "template '" + template.name() + "' already exists in mailbox " + template.mailbox(),
        () -> "template " + template.id() + " already exists in tenant " + tenant,
        () -> handle.createUpdate(sql)
            .bind("tenant", tenant.value()).bind("id", template.id().value())
            .bind("mailbox", template.mailbox().value()).bind("name", template.name())
            .bind("subject", template.subject()).bind("text", template.text())
            .bindByType("html", template.html(), String.class)
            .execute());
  }

  @Override
  public Optional<Template> template(TenantId tenant, TemplateId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return handle.createQuery("SELECT id, mailbox_id, name, subject, body_text, body_html FROM message_templates "
            + "WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value()).bind("id", id.value())
        .map((rs, ctx) -> template(rs)).findOne();
  }

  @Override
  public List<Template> templates(TenantId tenant, MailboxId mailbox) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    return handle.createQuery("SELECT id, mailbox_id, name, subject, body_text, body_html FROM message_templates "
            + "WHERE tenant_id = :tenant AND mailbox_id = :mailbox ORDER BY name, id")
        .bind("tenant", tenant.value()).bind("mailbox", mailbox.value())
        .map((rs, ctx) -> template(rs)).list();
  }

  private static Template template(ResultSet rs) throws SQLException {
    return new Template(new TemplateId(Rows.uuid(rs, "id")), new MailboxId(Rows.uuid(rs, "mailbox_id")),
        Rows.string(rs, "name"), Rows.string(rs, "subject"), Rows.string(rs, "body_text"), rs.getString("body_html"));
  }

  @Override
  public boolean deleteTemplate(TenantId tenant, TemplateId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return handle.createUpdate("DELETE FROM message_templates WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value()).bind("id", id.value()).execute() > 0;
  }

  private static void positive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
