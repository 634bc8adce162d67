package org.mastermail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.MasterMailException;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.tenant.Tenant;

class JdbcStorageTest {
  private final Fixtures f = new Fixtures();

  @Test
  void buildShouldApplyTheMigrations() throws SQLException {
    JdbcDataSource host = h2DataSource();
    try (JdbcStorage storage = JdbcStorage.builder().dataSource(host).build()) {
      assertThat(storage.toString()).contains("H2");
    }
    try (Connection c = host.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT \"version\", \"success\" FROM \"mastermail_schema_history\" WHERE \"version\" = '1'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean("success")).isTrue();
    }
  }

  @Test
  void buildShouldNotMigrateWhenDisabled() throws SQLException {
    JdbcDataSource host = h2DataSource();
    try (JdbcStorage storage = JdbcStorage.builder().dataSource(host).migrate(false).build()) {
      assertThatThrownBy(() -> storage.useTransaction(s -> s.tenants().list()))
          .isInstanceOf(MasterMailException.class);
    }
    try (Connection c = host.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      boolean anyTable = false;
      while (rs.next()) {
        anyTable |= "PUBLIC".equalsIgnoreCase(rs.getString("TABLE_SCHEM"));
      }
      assertThat(anyTable).isFalse();
    }
  }

  @Test
  void migratingTwiceShouldChangeNothing() {
    JdbcDataSource host = h2DataSource();
    try (JdbcStorage first = JdbcStorage.builder().dataSource(host).build()) {
      first.useTransaction(s -> s.tenants().insert(f.tenantRow()));
    }
    try (JdbcStorage second = JdbcStorage.builder().dataSource(host).build()) {
      var tenant = Fixtures.read(second, s -> s.tenants().find(f.tenant));
      assertThat(tenant).contains(f.tenantRow());
    }
  }

  @Test
  void closeShouldLeaveTheHostDataSourceOpen() throws SQLException {
    JdbcDataSource host = h2DataSource();
    JdbcStorage.builder().dataSource(host).build().close();
    try (Connection c = host.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
  }

  @Test
  void postgresShouldRefuseAnotherDatabase() {
    assertThatThrownBy(() -> JdbcStorage.postgres(h2DataSource()))
        .isInstanceOf(MasterMailException.class)
        .hasMessageContaining("H2");
  }

  @Test
  void h2ShouldCreateTheDirectoryAndKeepDataAcrossRestarts(@TempDir Path tmp) throws IOException {
    Path dataDir = tmp.resolve("data/mastermail");
    try (JdbcStorage storage = JdbcStorage.h2(dataDir)) {
      storage.useTransaction(s -> s.tenants().insert(f.tenantRow()));
    }
    try (var files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("mastermail"));
    }
    try (JdbcStorage reopened = JdbcStorage.h2(dataDir)) {
      var tenant = Fixtures.read(reopened, s -> s.tenants().find(f.tenant));
      assertThat(tenant).contains(f.tenantRow());
    }
  }

  @Test
  void failedWorkShouldRollBackEverythingAndRethrowTheSameException() {
    try (JdbcStorage storage = Fixtures.newStorage()) {
      IOException failure = new IOException("disk full");
      assertThatThrownBy(() -> storage.useTransaction(s -> {
        s.tenants().insert(f.tenantRow());
        s.mailboxes().insert(f.shared("info@example.com"));
        throw failure;
      })).isSameAs(failure);
      storage.useTransaction(s -> {
        assertThat(s.tenants().list()).isEmpty();
        assertThat(s.mailboxes().list(f.tenant)).isEmpty();
      });
    }
  }

  @Test
  void duplicateMailboxAddressShouldBeReportedWithTheAddress() {
    try (JdbcStorage storage = Fixtures.newStorage()) {
      storage.useTransaction(s -> s.mailboxes().insert(f.shared("info@example.com")));
      assertThatThrownBy(() -> storage.useTransaction(s -> s.mailboxes().insert(f.shared("INFO@example.com"))))
          .isInstanceOf(DuplicateKeyException.class)
          .hasMessageContaining("mailbox address info@example.com already exists in tenant " + f.tenant);
    }
  }

  @Test
  void transactionShouldStayUsableAfterADuplicateKeyWasCaught() {
    try (JdbcStorage storage = Fixtures.newStorage()) {
      Mailbox first = f.shared("info@example.com");
      Mailbox other = f.shared("sales@example.com");
      storage.useTransaction(s -> {
        s.mailboxes().insert(first);
        assertThatThrownBy(() -> s.mailboxes().insert(f.shared("info@example.com")))
            .isInstanceOf(DuplicateKeyException.class);
        s.mailboxes().insert(other);
      });
      var mailboxes = Fixtures.read(storage, s -> s.mailboxes().list(f.tenant));
      assertThat(mailboxes).containsExactly(first, other);
    }
  }

  @Test
  void duplicateIdShouldBeADuplicateKeyException() {
    try (JdbcStorage storage = Fixtures.newStorage()) {
      Tenant tenant = f.tenantRow();
      storage.useTransaction(s -> s.tenants().insert(tenant));
      assertThatThrownBy(() -> storage.useTransaction(s -> s.tenants().insert(tenant)))
          .isInstanceOf(DuplicateKeyException.class)
          .hasMessageContaining(tenant.id().toString());
    }
  }

  private static JdbcDataSource h2DataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
