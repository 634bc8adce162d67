package org.mastermail.jdbc.internal;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.rule.StoredRules;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.RuleRepository;
import org.mastermail.tenant.TenantId;

final class JdbcRuleRepository implements RuleRepository {
  private static final String TENANT_SCOPE = "tenant";

  private final Handle handle;

  JdbcRuleRepository(Handle handle) {
    this.handle = handle;
  }

  private static String scope(@Nullable MailboxId mailbox) {
    return mailbox == null ? TENANT_SCOPE : mailbox.value().toString();
  }

  @Override
  public Optional<StoredRules> find(TenantId tenant, @Nullable MailboxId mailbox) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT mailbox_id, document, version, updated_at FROM rule_sets "
            + "WHERE tenant_id = :tenant AND scope = :scope")
        .bind("tenant", tenant.value()).bind("scope", scope(mailbox))
        .map((rs, ctx) -> map(tenant, rs)).findOne();
  }

  @Override
  public long version(TenantId tenant, @Nullable MailboxId mailbox) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT version FROM rule_sets WHERE tenant_id = :tenant AND scope = :scope")
        .bind("tenant", tenant.value()).bind("scope", scope(mailbox))
        .mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public List<StoredRules> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    return handle.createQuery("SELECT mailbox_id, document, version, updated_at FROM rule_sets "
            + "WHERE tenant_id = :tenant ORDER BY CASE WHEN mailbox_id IS NULL THEN 0 ELSE 1 END, scope")
        .bind("tenant", tenant.value())
        .map((rs, ctx) -> map(tenant, rs)).list();
  }

  @Override
  public boolean save(StoredRules rules) {
    requireNonNull(rules, "rules");
    if (rules.version() == 1) {
      try {
        SqlErrors.uniqueWrite(handle, "rule_sets_pk", () -> "rule set " + scope(rules.mailbox()) + " exists",
            () -> "rule set " + scope(rules.mailbox()) + " exists", () -> handle.createUpdate(
                "INSERT INTO rule_sets (tenant_id, scope, mailbox_id, document, version, updated_at) "
                    + "VALUES (:tenant, :scope, :mailbox, :document, 1, :at)")
            .bind("tenant", rules.tenant().value()).bind("scope", scope(rules.mailbox()))
            .bindByType("mailbox", rules.mailbox() == null ? null : rules.mailbox().value(), UUID.class)
            .bind("document", rules.json()).bind("at", rules.updatedAt()).execute());
        return true;
      } catch (DuplicateKeyException e) {
        return false;
      }
    }
    return handle.createUpdate("UPDATE rule_sets SET document = :document, version = :version, updated_at = :at "
            + "WHERE tenant_id = :tenant AND scope = :scope AND version = :previous")
        .bind("tenant", rules.tenant().value()).bind("scope", scope(rules.mailbox()))
        .bind("document", rules.json()).bind("version", rules.version()).bind("previous", rules.version() - 1)
        .bind("at", rules.updatedAt()).execute() == 1;
  }

  private static StoredRules map(TenantId tenant, ResultSet rs) throws SQLException {
    UUID mailbox = Rows.nullableUuid(rs, "mailbox_id");
    return new StoredRules(tenant, mailbox == null ? null : new MailboxId(mailbox), Rows.string(rs, "document"),
        rs.getLong("version"), Rows.instant(rs, "updated_at"));
  }
}
