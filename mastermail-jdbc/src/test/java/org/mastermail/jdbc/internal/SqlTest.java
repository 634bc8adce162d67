package org.mastermail.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.mastermail.jdbc.JdbcStorage;

class SqlTest {
  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID MAILBOX = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  @Test
  void postgresqlShouldGetTheKeysAsEqualitiesAndAPlainList() {
    Sql sql = new Sql().append("SELECT id FROM messages WHERE ").keyedIn(Dialect.POSTGRESQL,
        List.of("tenant_id", "mailbox_id"), List.of(TENANT, MAILBOX), "message_id_header", List.of("<a@x>", "<b@x>"));

    assertThat(sql.text()).isEqualTo("SELECT id FROM messages WHERE tenant_id = ? AND mailbox_id = ? "
        + "AND message_id_header IN (?, ?)");
    assertThat(sql.toString()).endsWith("[" + TENANT + ", " + MAILBOX + ", <a@x>, <b@x>]");
  }

  @Test
  void h2ShouldGetOneRowValuePerListEntry() {
    Sql sql = new Sql().append("SELECT id FROM messages WHERE ").keyedIn(Dialect.H2,
        List.of("tenant_id", "mailbox_id"), List.of(TENANT, MAILBOX), "message_id_header", List.of("<a@x>", "<b@x>"));

    assertThat(sql.text()).isEqualTo("SELECT id FROM messages WHERE (tenant_id, mailbox_id, message_id_header) "
        + "IN ((?, ?, ?), (?, ?, ?))");
    assertThat(sql.toString()).endsWith("[" + TENANT + ", " + MAILBOX + ", <a@x>, " + TENANT + ", " + MAILBOX
        + ", <b@x>]");
  }

  @Test
  void anEmptyListOrUnmatchedKeysShouldBeRefused() {
    assertThatThrownBy(() -> new Sql().keyedIn(Dialect.H2, List.of("tenant_id"), List.of(TENANT), "id", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one value");
    assertThatThrownBy(() -> new Sql().keyedIn(Dialect.H2, List.of("tenant_id", "mailbox_id"), List.of(TENANT),
        "id", List.of(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in number");
  }

  /** The reason for the row-value form: H2 looks each entry up in the index instead of scanning the mailbox. */
  @Test
  void h2ShouldLookTheEntriesUpInTheIndex() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:sql-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    JdbcStorage.builder().dataSource(ds).build().close(); // the schema, migrated
    try (Handle h = Jdbi.create(ds).open()) {
      Sql keyed = new Sql().append("EXPLAIN SELECT id FROM messages WHERE ").keyedIn(Dialect.H2,
          List.of("tenant_id", "mailbox_id"), List.of(TENANT, MAILBOX), "message_id_header", List.of("<a@x>", "<b@x>"));
      Sql plain = new Sql().append("EXPLAIN SELECT id FROM messages WHERE tenant_id = ").param(TENANT)
          .append(" AND mailbox_id = ").param(MAILBOX).append(" AND message_id_header IN ").list(List.of("<a@x>", "<b@x>"));

      String keyedPlan = keyed.query(h).mapTo(String.class).one();
      String plainPlan = plain.query(h).mapTo(String.class).one();

      // the index condition (the comment after the table) holds the list itself, not only the tenant and mailbox
      assertThat(indexCondition(keyedPlan)).contains("IN(ROW (?1, ?2, ?3), ROW (?4, ?5, ?6))");
      assertThat(indexCondition(plainPlan)).doesNotContain("IN(").doesNotContainIgnoringCase("message_id_header");
    }
  }

  private static String indexCondition(String plan) {
    int start = plan.indexOf("/*");
    return plan.substring(start, plan.indexOf("*/", start));
  }
}
