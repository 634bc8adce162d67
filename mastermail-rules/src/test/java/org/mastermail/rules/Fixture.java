package org.mastermail.rules;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.intake.IngestResult;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.IncomingMessage;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.TenantId;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.contract.Mails;
import org.mastermail.testkit.contract.Office;

/**
 * A tenant with the testkit's office (admin, manager, Alice and Bob in info@, Carol in sales@), a movable clock starting
 * Monday 2026-03-02 09:00 UTC (10:00 in Berlin), a directory, and a rule engine whose mail is collected.
 */
final class Fixture {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  final MutableClock clock = MutableClock.atDefaultStart();
  final TestDirectory directory = new TestDirectory();
  final CollectingSink sink = new CollectingSink();
  final RuleEngine engine;
  final MasterMail mm;
  final Office o;
  final RuleAdmin admin;
  /** Every message the engine was asked about, as intake handed it over. */
  final List<IncomingMessage> routed = new CopyOnWriteArrayList<>();
  private long tenantVersion;
  private long mailboxVersion;

  Fixture() {
    this(new InMemoryStorage());
  }

  Fixture(Storage storage) {
    this.engine = RuleEngine.builder().directory(directory).autoReplies(sink).forwards(sink).clock(clock).zone(BERLIN)
        .random(new Random(7)).build();
    this.mm = MasterMail.builder().storage(storage).clock(clock).router((message, conversation, session) -> {
      routed.add(message);
      return engine.route(message, conversation, session);
    }).build();
    this.o = Office.create(mm);
    this.admin = RuleAdmin.of(mm);
  }

  /** JSON written with single quotes, for readable tests. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  TenantId tenant() {
    return o.setup.tenant().id();
  }

  String at(String localPart) {
    return localPart + "@" + o.domain;
  }

  /** Replaces the tenant's rule set. */
  Fixture tenantRules(String singleQuotedJson) {
    tenantVersion = admin.saveJson(tenant(), null, json(singleQuotedJson), tenantVersion);
    return this;
  }

  /** Replaces the info@ mailbox's rule set. */
  Fixture mailboxRules(String singleQuotedJson) {
    mailboxVersion = admin.saveJson(tenant(), o.info.id(), json(singleQuotedJson), mailboxVersion);
    return this;
  }

  /** A tenant rule set of one rule {@code r}. */
  Fixture rule(String conditions, String actions) {
    return tenantRules("{'rules': [{'id': 'r', 'conditions': " + conditions + ", 'actions': " + actions + "}]}");
  }

  /** Whether a message matches {@code conditions}: the only rule tags it "hit". */
  boolean matches(String conditions, Mails mail) {
    rule(conditions, "[{'tag': 'hit'}]");
    return ingest(mail).tags().contains("hit");
  }

  Mails mail(String from, String subject) {
    return Mails.from(from, at("info"), subject);
  }

  Conversation ingest(Mails mail) {
    return ingest(o.info, mail);
  }

  Conversation ingest(Mailbox mailbox, Mails mail) {
    IngestResult r = mm.intake().ingest(tenant(), mailbox.id(), new ByteArrayInputStream(mail.bytes()), null);
    if (r.conversation() == null) {
      throw new AssertionError("not archived: " + r);
    }
    return mm.triage().get(r.conversation(), o.admin).conversation();
  }

  /** The routing trace of the conversation's latest routed message. */
  List<String> trace(Conversation c) {
    List<List<String>> traces = RuleAdmin.routingTraces(mm, c.id(), o.admin);
    return traces.isEmpty() ? List.of() : traces.get(traces.size() - 1);
  }

  /** The last message routed, with its conversation as it is now: an input for dry runs and explain. */
  DryRun.Input lastRouted() {
    IncomingMessage m = routed.get(routed.size() - 1);
    Conversation c = mm.storage().read(s -> s.messages().find(m.tenant(), m.id())).map(meta ->
        mm.triage().get(meta.conversation(), o.admin).conversation()).orElseThrow();
    return new DryRun.Input(m, c);
  }

  String statusName(Conversation c) {
    return mm.admin().statuses().list(o.admin).stream().filter(s -> s.id().equals(c.status())).findFirst()
        .orElseThrow().name();
  }
}
