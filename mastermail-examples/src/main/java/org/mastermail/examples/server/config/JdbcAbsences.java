package org.mastermail.examples.server.config;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mastermail.rules.Absence;
import org.mastermail.rules.AbsenceStore;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Absences in the server's own table ({@code server_absence}), beside the logins: routing reads them on every node
 * through the rule engine's directory.
 */
public final class JdbcAbsences implements AbsenceStore {
  private static final RowMapper<Absence> ROW = (rs, ctx) -> {
    OffsetDateTime until = rs.getObject("until_at", OffsetDateTime.class);
    UUID deputy = rs.getObject("deputy_id", UUID.class);
    return new Absence(new UserId(rs.getObject("user_id", UUID.class)), until == null ? null : until.toInstant(),
        deputy == null ? null : new UserId(deputy));
  };

  private final Jdbi jdbi;

  public JdbcAbsences(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  @Override
  public List<Absence> list(TenantId tenant) {
    return jdbi.withHandle(h -> h.createQuery("select user_id, until_at, deputy_id from server_absence"
            + " where tenant_id = :tenant order by user_id")
        .bind("tenant", tenant.value()).map(ROW).list());
  }

  @Override
  public Optional<Absence> find(TenantId tenant, UserId user) {
    return jdbi.withHandle(h -> h.createQuery("select user_id, until_at, deputy_id from server_absence"
            + " where tenant_id = :tenant and user_id = :user")
        .bind("tenant", tenant.value()).bind("user", user.value()).map(ROW).findOne());
  }

  @Override
  public void save(TenantId tenant, Absence absence) {
    jdbi.useTransaction(h -> {
      delete(h, tenant, absence.user());
      h.createUpdate("insert into server_absence (tenant_id, user_id, until_at, deputy_id)"
              + " values (:tenant, :user, :until, :deputy)")
          .bind("tenant", tenant.value()).bind("user", absence.user().value())
          .bind("until", absence.until() == null ? null : OffsetDateTime.ofInstant(absence.until(), ZoneOffset.UTC))
          .bind("deputy", absence.deputy() == null ? null : absence.deputy().value())
          .execute();
    });
  }

  @Override
  public boolean remove(TenantId tenant, UserId user) {
    return jdbi.withHandle(h -> delete(h, tenant, user)) > 0;
  }

  private static int delete(Handle h, TenantId tenant, UserId user) {
    return h.createUpdate("delete from server_absence where tenant_id = :tenant and user_id = :user")
        .bind("tenant", tenant.value()).bind("user", user.value()).execute();
  }
}
