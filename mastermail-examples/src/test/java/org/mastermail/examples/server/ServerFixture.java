package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.examples.server.api.LiveUpdates;
import org.mastermail.examples.server.auth.JdbcLogins;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.JdbcAbsences;
import org.mastermail.examples.server.config.ServerDatabase;
import org.mastermail.examples.server.config.ServerRules;
import org.mastermail.intake.IngestResult;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.templates.MustacheRenderer;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.RecordingTransport;
import org.mastermail.testkit.contract.Mails;
import org.mastermail.testkit.contract.Office;

/**
 * A server on a free port over an in-memory H2 database, with two offices (tenants) from the test kit whose people
 * log in with {@link #PASSWORD}, a clock the test moves, the rule engine (no rules saved), and outbound mail recorded
 * instead of sent.
 */
final class ServerFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";

  final MutableClock clock = MutableClock.atDefaultStart();
  final RecordingTransport smtp = new RecordingTransport();
  final ServerDatabase database;
  final ServerRules rules;
  final MasterMail mm;
  final JdbcLogins logins;
  final Office office;
  final Office otherOffice;
  final MasterMailServer server;
  final LiveUpdates live = new LiveUpdates();

  ServerFixture() {
    this(ServerSettings.builder().host("127.0.0.1").port(0).build());
  }

  ServerFixture(ServerSettings settings) {
    database = ServerDatabase.jdbc("jdbc:h2:mem:server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    rules = ServerRules.create(clock, ZoneOffset.UTC, new JdbcAbsences(database.jdbi()));
    mm = MasterMail.builder().storage(database.storage()).clock(clock).transport(smtp).router(rules.engine())
        .templates(new MustacheRenderer()).listener(live).build();
    logins = new JdbcLogins(database.jdbi(), PasswordHasher.FOR_TESTS, clock);
    office = Office.create(mm);
    otherOffice = Office.create(mm);
    for (Office o : new Office[] {office, otherOffice}) {
      for (String person : new String[] {"admin", "manager", "alice", "bob", "carol"}) {
        logins.setPassword(person + "@" + o.domain, actor(o, person), PASSWORD);
      }
    }
    server = MasterMailServer.start(mm, rules, logins, settings, clock, live);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A new browser, not logged in. */
  Client anonymous() {
    return new Client(uri());
  }

  /** A new browser logged in as {@code person} ("alice", "bob", "manager"…) of {@code o}. */
  Client as(Office o, String person) {
    Client c = anonymous();
    Client.Response r = c.login(email(o, person), PASSWORD);
    if (r.status() != 200) {
      throw new AssertionError("login of " + person + " failed: " + r.body());
    }
    return c;
  }

  Client as(String person) {
    return as(office, person);
  }

  static String email(Office o, String person) {
    return person + "@" + o.domain;
  }

  static Actor actor(Office o, String person) {
    return switch (person) {
      case "admin" -> o.admin;
      case "manager" -> o.manager;
      case "alice" -> o.alice;
      case "bob" -> o.bob;
      case "carol" -> o.carol;
      default -> throw new IllegalArgumentException(person);
    };
  }

  /** Archives a message into {@code mailbox} as if it had arrived, and returns its conversation. */
  Conversation receive(Office o, Mailbox mailbox, Mails mail) {
    IngestResult r = mm.intake().ingest(o.setup.tenant().id(), mailbox.id(),
        new ByteArrayInputStream(mail.bytes()), null);
    return mm.triage().get(requireNonNull(r.conversation()), o.admin).conversation();
  }

  Conversation receive(String subject) {
    return receive(office, office.info, Mails.from("Jan Kowalski <jan@client.example>", office.info.address(),
        subject).body("Dzień dobry,\nplease help with " + subject + ".\n"));
  }

  @Override
  public void close() {
    server.close();
    mm.close();
    database.close();
  }
}
