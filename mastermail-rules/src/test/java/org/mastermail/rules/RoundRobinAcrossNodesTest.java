package org.mastermail.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastermail.MasterMail;
import org.mastermail.intake.IngestResult;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.TestPostgres;
import org.mastermail.testkit.contract.Mails;

/** Two nodes over one PostgreSQL share one round-robin rotation: the position lives in the database. */
class RoundRobinAcrossNodesTest {
  private static final int MESSAGES = 1000;

  private final DataSource database = TestPostgres.freshDatabase();
  private final Fixture nodeA = new Fixture(JdbcStorage.postgres(database));
  private final MasterMail nodeB = MasterMail.builder().storage(JdbcStorage.postgres(database)).clock(nodeA.clock)
      .router(RuleEngine.builder().clock(nodeA.clock).build()).build();

  @AfterEach
  void close() {
    nodeB.close();
    nodeA.mm.close();
  }

  @Test
  void roundRobinShouldBeFairOverAThousandMessagesAlternatingBetweenTwoNodes() {
    List<String> members = List.of("alice", "bob", "manager");
    nodeA.rule("{'fromDomain': 'client.example'}", "[{'assignTeam': {'name': 'desk', 'members': ['"
        + nodeA.at("alice") + "', '" + nodeA.at("bob") + "', '" + nodeA.at("manager") + "'],"
        + " 'strategy': 'roundRobin'}}]");

    Map<UserId, Integer> counts = new HashMap<>();
    for (int i = 0; i < MESSAGES; i++) {
      MasterMail node = i % 2 == 0 ? nodeA.mm : nodeB;
      byte[] raw = Mails.from("c" + i + "@client.example", nodeA.at("info"), "Request " + i).bytes();
      IngestResult r = node.intake().ingest(nodeA.tenant(), nodeA.o.info.id(), new ByteArrayInputStream(raw), null);
      UserId assignee = node.triage().get(r.conversation(), nodeA.o.admin).conversation().assignee();
      counts.merge(assignee, 1, Integer::sum);
    }

    assertThat(counts).hasSize(members.size());
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(MESSAGES / members.size() - 1,
        MESSAGES / members.size() + 1));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MESSAGES);
  }
}
