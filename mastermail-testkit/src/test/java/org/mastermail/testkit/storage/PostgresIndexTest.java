package org.mastermail.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.testkit.TestPostgres;

/** The indexes the PostgreSQL schema promises, as the planner sees them after all migrations. */
class PostgresIndexTest {
  private static final DataSource DB = TestPostgres.freshDatabase();
  private static final JdbcStorage STORAGE = JdbcStorage.postgres(DB);

  @AfterAll
  static void close() {
    STORAGE.close();
  }

  @Test
  void fullTextSearchShouldBeAnsweredByTheSearchIndex() throws SQLException {
    // the expression of SqlConversationQuery.SEARCH_VECTOR: the text search queries use
    String plan = plan("SELECT message_id FROM message_contents mc WHERE to_tsvector('simple', "
        + "coalesce(mc.search_text, '') || ' ' || left(mc.body_text, 200000)) @@ plainto_tsquery('simple', 'rent')");

    assertThat(plan).contains("message_contents_search_ix");
  }

  @Test
  void aMessageIdShouldBeIndexedOnceInItsMailbox() throws SQLException {
    try (Connection c = DB.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'messages'")) {
      int withHeader = 0;
      while (rs.next()) {
        if (rs.getString(1).contains("message_id_header")) {
          withHeader++;
        }
      }
      assertThat(withHeader).as("indexes over messages.message_id_header").isEqualTo(1);
    }
  }

  private static String plan(String query) throws SQLException {
    try (Connection c = DB.getConnection(); Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off"); // an empty table: only an index that fits can avoid the scan
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }
}
