package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.mastermail.NotFoundException;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.storage.MailboxRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

final class JdbcMailboxRepository implements MailboxRepository {
  private static final String MAILBOX_COLUMNS = "tenant_id, id, address, name, kind, owner_id";
  private static final String DELEGATION_COLUMNS = "tenant_id, id, mailbox_id, delegate_id, valid_from, valid_until";
  private static final Comparator<Delegation> BY_START =
      Comparator.comparing(Delegation::from).thenComparing(d -> d.id().value(), Uuids.UNSIGNED);

  private final Handle handle;

  JdbcMailboxRepository(Handle handle) {
    this.handle = handle;
  }

  @Override
  public void insert(Mailbox mailbox) {
    requireNonNull(mailbox, "mailbox");
    write(mailbox, "INSERT INTO mailboxes (tenant_id, id, address, address_key, name, kind, owner_id) "
        + "VALUES (:tenant, :id, :address, :addressKey, :name, :kind, :owner)");
  }

  @Override
  public void update(Mailbox mailbox) {
    requireNonNull(mailbox, "mailbox");
    int rows = write(mailbox, "UPDATE mailboxes SET address = :address, address_key = :addressKey, name = :name, "
        + "kind = :kind, owner_id = :owner WHERE tenant_id = :tenant AND id = :id");
    if (rows == 0) {
      throw new NotFoundException("mailbox " + mailbox.id() + " does not exist in tenant " + mailbox.tenant());
    }
  }

  @Override
  public Optional<Mailbox> find(TenantId tenant, MailboxId id) {
    requireNonNull(tenant, "tenant");
    requireNonNull(id, "id");
    return handle.createQuery("SELECT " + MAILBOX_COLUMNS + " FROM mailboxes WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .map(JdbcMailboxRepository::mailbox)
        .findOne();
  }

  @Override
  public Optional<Mailbox> findByAddress(TenantId tenant, String address) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery(
            "SELECT " + MAILBOX_COLUMNS + " FROM mailboxes WHERE tenant_id = :tenant AND address_key = :addressKey")
        .bind("tenant", tenant.value())
        .bind("addressKey", key(requireNonNull(address, "address")))
        .map(JdbcMailboxRepository::mailbox)
        .findOne();
  }

  @Override
  public List<Mailbox> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Mailbox> all = handle.createQuery("SELECT " + MAILBOX_COLUMNS + " FROM mailboxes WHERE tenant_id = :tenant")
        .bind("tenant", tenant.value())
        .map(JdbcMailboxRepository::mailbox)
        .list();
    // sorted here, not in SQL, so the order does not depend on the database's collation
    all.sort(Comparator.comparing(Mailbox::address).thenComparing(m -> m.id().value(), Uuids.UNSIGNED));
    return all;
  }

  @Override
  public void putMember(MailboxMember member) {
    requireNonNull(member, "member");
    // update first, insert when absent: the same SQL on H2 and PostgreSQL, unlike upsert syntax
    int rows = handle.createUpdate("UPDATE mailbox_members SET role_name = :role "
            + "WHERE tenant_id = :tenant AND mailbox_id = :mailbox AND user_id = :user")
        .bind("tenant", member.tenant().value())
        .bind("mailbox", member.mailbox().value())
        .bind("user", member.user().value())
        .bind("role", member.role())
        .execute();
    if (rows == 0) {
      handle.createUpdate("INSERT INTO mailbox_members (tenant_id, mailbox_id, user_id, role_name) "
              + "VALUES (:tenant, :mailbox, :user, :role)")
          .bind("tenant", member.tenant().value())
          .bind("mailbox", member.mailbox().value())
          .bind("user", member.user().value())
          .bind("role", member.role())
          .execute();
    }
  }

  @Override
  public boolean removeMember(TenantId tenant, MailboxId mailbox, UserId user) {
    return handle.createUpdate(
            "DELETE FROM mailbox_members WHERE tenant_id = :tenant AND mailbox_id = :mailbox AND user_id = :user")
        .bind("tenant", tenant.value())
        .bind("mailbox", mailbox.value())
        .bind("user", user.value())
        .execute() > 0;
  }

  @Override
  public List<MailboxMember> members(TenantId tenant, MailboxId mailbox) {
    return handle.createQuery("SELECT tenant_id, mailbox_id, user_id, role_name FROM mailbox_members "
            + "WHERE tenant_id = :tenant AND mailbox_id = :mailbox ORDER BY user_id")
        .bind("tenant", tenant.value())
        .bind("mailbox", mailbox.value())
        .map(JdbcMailboxRepository::member)
        .list();
  }

  @Override
  public List<MailboxMember> membershipsOf(TenantId tenant, UserId user) {
    return handle.createQuery("SELECT tenant_id, mailbox_id, user_id, role_name FROM mailbox_members "
            + "WHERE tenant_id = :tenant AND user_id = :user ORDER BY mailbox_id")
        .bind("tenant", tenant.value())
        .bind("user", user.value())
        .map(JdbcMailboxRepository::member)
        .list();
  }

  @Override
  public void insertDelegation(Delegation delegation) {
    requireNonNull(delegation, "delegation");
    SqlErrors.idWrite(
        () -> "delegation " + delegation.id() + " already exists in tenant " + delegation.tenant(),
        () -> handle.createUpdate("INSERT INTO delegations (" + DELEGATION_COLUMNS + ") "
                + "VALUES (:tenant, :id, :mailbox, :delegate, :from, :until)")
            .bind("tenant", delegation.tenant().value())
            .bind("id", delegation.id().value())
            .bind("mailbox", delegation.mailbox().value())
            .bind("delegate", delegation.delegate().value())
            .bind("from", delegation.from())
            .bindByType("until", delegation.until(), Instant.class)
            .execute());
  }

  @Override
  public boolean deleteDelegation(TenantId tenant, DelegationId id) {
    return handle.createUpdate("DELETE FROM delegations WHERE tenant_id = :tenant AND id = :id")
        .bind("tenant", tenant.value())
        .bind("id", id.value())
        .execute() > 0;
  }

  @Override
  public List<Delegation> delegationsOf(TenantId tenant, MailboxId mailbox) {
    return delegations("mailbox_id", tenant, mailbox.value());
  }

  @Override
  public List<Delegation> delegationsTo(TenantId tenant, UserId delegate) {
    return delegations("delegate_id", tenant, delegate.value());
  }

  private List<Delegation> delegations(String column, TenantId tenant, UUID value) {
    List<Delegation> found = handle.createQuery("SELECT " + DELEGATION_COLUMNS + " FROM delegations "
            + "WHERE tenant_id = :tenant AND " + column + " = :value")
        .bind("tenant", tenant.value())
        .bind("value", value)
        .map(JdbcMailboxRepository::delegation)
        .list();
    found.sort(BY_START);
    return found;
  }

  private int write(Mailbox mailbox, String sql) {
    return SqlErrors.uniqueWrite(handle, "mailboxes_address_uq",
        () -> "mailbox address " + key(mailbox.address()) + " already exists in tenant " + mailbox.tenant(),
        () -> "mailbox " + mailbox.id() + " already exists in tenant " + mailbox.tenant(),
        () -> handle.createUpdate(sql)
            .bind("tenant", mailbox.tenant().value())
            .bind("id", mailbox.id().value())
            .bind("address", mailbox.address())
            .bind("addressKey", key(mailbox.address()))
            .bind("name", mailbox.name())
            .bind("kind", mailbox.kind().name())
            .bindByType("owner", mailbox.owner() == null ? null : mailbox.owner().value(), UUID.class)
            .execute());
  }

  private static String key(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  private static Mailbox mailbox(ResultSet rs, StatementContext ctx) throws SQLException {
    UUID owner = Rows.nullableUuid(rs, "owner_id");
    return new Mailbox(new TenantId(Rows.uuid(rs, "tenant_id")), new MailboxId(Rows.uuid(rs, "id")),
        Rows.string(rs, "address"), Rows.string(rs, "name"), MailboxKind.valueOf(Rows.string(rs, "kind")),
        owner == null ? null : new UserId(owner));
  }

  private static MailboxMember member(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MailboxMember(new TenantId(Rows.uuid(rs, "tenant_id")), new MailboxId(Rows.uuid(rs, "mailbox_id")),
        new UserId(Rows.uuid(rs, "user_id")), Rows.string(rs, "role_name"));
  }

  private static Delegation delegation(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Delegation(new TenantId(Rows.uuid(rs, "tenant_id")), new DelegationId(Rows.uuid(rs, "id")),
        new MailboxId(Rows.uuid(rs, "mailbox_id")), new UserId(Rows.uuid(rs, "delegate_id")),
        Rows.instant(rs, "valid_from"), Rows.nullableInstant(rs, "valid_until"));
  }
}
