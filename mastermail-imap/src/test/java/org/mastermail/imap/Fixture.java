package org.mastermail.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.Page;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.intake.SourceId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.Storage;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.MutableClock;
import org.mastermail.testkit.contract.Mails;
import org.mastermail.testkit.contract.Office;

/** A MasterMail with an office whose shared mailbox info@ is fed from the test server's account. */
final class Fixture {
  static final String USER = "info@acme.example";
  static final String PASSWORD = "s3cret-Pa55word";

  final MutableClock clock = MutableClock.atDefaultStart();
  final MasterMail mm;
  final Office office;
  final SourceId source = SourceId.of("imap:info");

  Fixture() {
    this(new InMemoryStorage());
  }

  Fixture(Storage storage) {
    this.mm = MasterMail.builder().storage(storage).clock(clock).build();
    this.office = Office.create(mm);
  }

  IntakeContext context() {
    return new IntakeContext(mm, office.setup.tenant().id(), source, office.info.id());
  }

  IntakeContext context(BooleanSupplier lease) {
    return new IntakeContext(mm, office.setup.tenant().id(), source, office.info.id(), lease);
  }

  static ImapSettings.Builder imap(int port) {
    return ImapSettings.builder("127.0.0.1", USER, Credentials.password(PASSWORD)).port(port).security(Security.NONE)
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10));
  }

  ImapSource imapSource(ImapSettings settings) {
    return new ImapSource(source, office.setup.tenant().id(), office.info.id(), settings);
  }

  static byte[] mail(String subject) {
    return Mails.from("Jan Kowalski <jan@client.example>", USER, subject).body("Hello,\nabout " + subject + ".\n")
        .bytes();
  }

  static byte[] mail(String subject, int bodyBytes) {
    StringBuilder body = new StringBuilder();
    while (body.length() < bodyBytes) {
      body.append("Line ").append(body.length()).append(" of a long message about ").append(subject).append('\n');
    }
    return Mails.from("jan@client.example", USER, subject).body(body.toString()).bytes();
  }

  /** The raw bytes of every archived message of the tenant. */
  List<byte[]> archived() {
    List<byte[]> all = new ArrayList<>();
    for (MessageMeta m : messages()) {
      try (InputStream in = mm.triage().raw(m.id(), office.admin)) {
        all.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  List<String> archivedText() {
    return archived().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  List<MessageMeta> messages() {
    Actor admin = office.admin;
    List<MessageMeta> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<ConversationSummary> page = mm.triage().list(View.ALL, ConversationFilter.none(), Sort.NEWEST, cursor, 100,
          admin);
      for (ConversationSummary s : page.items()) {
        all.addAll(mm.triage().get(s.conversation().id(), admin).messages());
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
