package org.mastermail.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.Page;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.permission.Role;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.TestPostgres;

/**
 * The {@code mine + NA} inbox at scale: fills an embedded PostgreSQL with 1,000,000 conversations over 100 users and 5
 * shared mailboxes (each user a member of 2; 10 % unassigned), then times the first inbox page (50 rows, newest first)
 * through the Triage API — permission resolution, visibility, query, unread markers, tags and links — next to the
 * same page fetched by one hand-written SQL statement over the same indexes (one index range per assignee value and
 * mailbox), interleaved in the same run.
 *
 * <p>Run: {@code mvn -q -pl mastermail-benchmarks -am install -DskipTests && mvn -q -pl mastermail-benchmarks exec:java}
 * (arguments: conversations, measured queries; defaults 1000000 and 2000).
 */
public final class InboxQueryBenchmark {
  private static final int USERS = 100;
  private static final int MAILBOXES = 5;
  private static final int PAGE = 50;

  private InboxQueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    // both paths share one connection pool, as a host's would (the embedded server's DataSource opens a new
    // connection per call)
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(TestPostgres.freshDatabase());
    pool.setMaximumPoolSize(4);
    try (HikariDataSource db = new HikariDataSource(pool); JdbcStorage storage = JdbcStorage.postgres(db)) {
      MasterMail mm = MasterMail.builder().storage(storage).build();
      TenantSetup office = mm.createTenant("Benchmark office", "admin@bench.example", "Admin");
      List<Mailbox> mailboxes = new ArrayList<>();
      for (int m = 0; m < MAILBOXES; m++) {
        mailboxes.add(mm.admin().mailboxes().createShared("box" + m + "@bench.example", "Box " + m,
            office.adminActor()));
      }
      List<Actor> users = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        Actor a = Actor.of(office.tenant().id(), mm.admin().users()
            .create("user" + u + "@bench.example", "User " + u, Role.MEMBER, office.adminActor()).id());
        users.add(a);
        // user u works in mailboxes u % 5 and (u + 1) % 5
        mm.admin().mailboxes().addMember(mailboxes.get(u % MAILBOXES).id(), a.user(), Role.MEMBER, office.adminActor());
        mm.admin().mailboxes().addMember(mailboxes.get((u + 1) % MAILBOXES).id(), a.user(), Role.MEMBER,
            office.adminActor());
      }
      long fillStart = System.nanoTime();
      fill(db, office, mailboxes, users, conversations);
      System.out.printf(Locale.ROOT, "filled %,d conversations in %.1f s%n", conversations,
          (System.nanoTime() - fillStart) / 1e9);

      Random random = new Random(42);
      int warmup = Math.min(300, samples);
      for (int i = 0; i < warmup; i++) { // warm-up: JIT, plan cache, buffer cache
        Actor a = users.get(random.nextInt(USERS));
        viaApi(mm, a);
        viaSql(db, office, a, mailboxes);
      }
      long[] api = new long[samples];
      long[] sql = new long[samples];
      int rowsApi = 0;
      int rowsSql = 0;
      for (int i = 0; i < samples; i++) {
        Actor a = users.get(random.nextInt(USERS));
        long t0 = System.nanoTime();
        rowsApi += viaApi(mm, a);
        long t1 = System.nanoTime();
        rowsSql += viaSql(db, office, a, mailboxes);
        long t2 = System.nanoTime();
        api[i] = t1 - t0;
        sql[i] = t2 - t1;
      }
      if (rowsApi != rowsSql) {
        throw new IllegalStateException("the two paths returned different row counts: " + rowsApi + " vs " + rowsSql);
      }
      report("Triage API  list(INBOX)", api);
      report("hand-written SQL        ", sql);
      System.out.printf(Locale.ROOT, "ratio API / SQL: p50 %.2f, p95 %.2f%n",
          percentile(api, 50) / percentile(sql, 50), percentile(api, 95) / percentile(sql, 95));
    }
    // the embedded server's log-pump threads are not daemons; the figures are printed, so end the JVM here
    System.exit(0);
  }

  private static int viaApi(MasterMail mm, Actor actor) {
    Page<ConversationSummary> page = mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, PAGE,
        actor);
    return page.items().size();
  }

  /** The best single statement we know for the page: two index-ordered branches merged, with the unread marker. */
  private static int viaSql(DataSource db, TenantSetup office, Actor actor, List<Mailbox> mailboxes)
      throws SQLException {
    int u = userIndex(actor);
    UUID[] visible = {mailboxes.get(u % MAILBOXES).id().value(), mailboxes.get((u + 1) % MAILBOXES).id().value()};
    String own = "(SELECT * FROM conversations WHERE tenant_id = ? AND assignee_id = ? AND mailbox_id = ?"
        + " ORDER BY last_activity_at DESC, id DESC LIMIT " + PAGE + ")";
    String na = "(SELECT * FROM conversations WHERE tenant_id = ? AND assignee_id IS NULL AND mailbox_id = ?"
        + " ORDER BY last_activity_at DESC, id DESC LIMIT " + PAGE + ")";
    // like the API, the page carries each conversation's tags and links
    String sql = "SELECT p.*,"
        + " (SELECT array_agg(t.tag) FROM conversation_tags t WHERE t.tenant_id = p.tenant_id"
        + " AND t.conversation_id = p.id) AS tags,"
        + " (SELECT array_agg(l.entity_type || ':' || l.entity_id) FROM conversation_links l"
        + " WHERE l.tenant_id = p.tenant_id AND l.conversation_id = p.id) AS links"
        + " FROM (SELECT x.*, r.read_at FROM (" + own + " UNION ALL " + own + " UNION ALL " + na + " UNION ALL " + na
        + ") x LEFT JOIN read_marks r ON r.tenant_id = x.tenant_id AND r.conversation_id = x.id AND r.user_id = ?"
        + " ORDER BY x.last_activity_at DESC, x.id DESC LIMIT " + PAGE + ") p"
        + " ORDER BY p.last_activity_at DESC, p.id DESC";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      UUID tenant = office.tenant().id().value();
      int i = 1;
      for (UUID box : visible) {
        ps.setObject(i++, tenant);
        ps.setObject(i++, actor.user().value());
        ps.setObject(i++, box);
      }
      for (UUID box : visible) {
        ps.setObject(i++, tenant);
        ps.setObject(i++, box);
      }
      ps.setObject(i, actor.user().value());
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      return rows;
    }
  }

  private static final Map<UUID, Integer> USER_INDEX = new ConcurrentHashMap<>();

  private static int userIndex(Actor a) {
    return USER_INDEX.get(a.user().value());
  }

  /** Inserts the conversations in one statement per 100,000 rows; conversation g lives in mailbox g % 5. */
  private static void fill(DataSource db, TenantSetup office, List<Mailbox> mailboxes, List<Actor> users, int n)
      throws SQLException {
    for (int u = 0; u < users.size(); u++) {
      USER_INDEX.put(users.get(u).user().value(), u);
    }
    UUID[] boxIds = mailboxes.stream().map(m -> m.id().value()).toArray(UUID[]::new);
    UUID[] userIds = users.stream().map(a -> a.user().value()).toArray(UUID[]::new);
    UUID status;
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM statuses WHERE tenant_id = '" + office.tenant().id()
            + "' ORDER BY list_position LIMIT 1")) {
      rs.next();
      status = rs.getObject(1, UUID.class);
    }
    // the assignee of g is user 5 * ((g / 5) % 20) + g % 5, a member of mailbox g % 5; every tenth of each mailbox is unassigned
    String insert = "INSERT INTO conversations (tenant_id, id, mailbox_id, subject, assignee_id, status_id, due_at,"
        + " due_key, urgent, created_at, last_activity_at, version)"
        + " SELECT ?, gen_random_uuid(), (?::uuid[])[1 + g % 5], 'Conversation ' || g,"
        + " CASE WHEN (g / 5) % 10 = 0 THEN NULL ELSE (?::uuid[])[1 + 5 * ((g / 5) % 20) + g % 5] END,"
        + " ?, NULL, TIMESTAMPTZ '9999-12-31 00:00:00+00', false,"
        + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '7 seconds',"
        + " TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '7 seconds', 1"
        + " FROM generate_series(?, ?) AS g";
    try (Connection c = db.getConnection()) {
      Array boxes = c.createArrayOf("uuid", boxIds);
      Array people = c.createArrayOf("uuid", userIds);
      for (int from = 1; from <= n; from += 100_000) {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          ps.setObject(1, office.tenant().id().value());
          ps.setArray(2, boxes);
          ps.setArray(3, people);
          ps.setObject(4, status);
          ps.setInt(5, from);
          ps.setInt(6, Math.min(n, from + 99_999));
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        // about a third of the conversations carry a tag and a tenth a link to a host record, as an office's would
        s.execute("INSERT INTO conversation_tags (tenant_id, conversation_id, tag) SELECT tenant_id, id,"
            + " 'tag-' || (get_byte(uuid_send(id), 0) % 8) FROM conversations WHERE get_byte(uuid_send(id), 1) < 85");
        s.execute("INSERT INTO conversation_links (tenant_id, conversation_id, entity_type, entity_id)"
            + " SELECT tenant_id, id, 'contact', (get_byte(uuid_send(id), 2) * 256 + get_byte(uuid_send(id), 3))::text"
            + " FROM conversations WHERE get_byte(uuid_send(id), 4) < 26");
        s.execute("VACUUM ANALYZE conversation_tags");
        s.execute("VACUUM ANALYZE conversation_links");
        s.execute("VACUUM ANALYZE conversations");
      }
    }
  }

  private static void report(String label, long[] nanos) {
    System.out.printf(Locale.ROOT, "%s  p50 %6.3f ms  p95 %6.3f ms  p99 %6.3f ms  (%d queries)%n", label,
        percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6, nanos.length);
  }

  private static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
