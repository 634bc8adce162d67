package org.mastermail.examples;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.Page;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.intake.IngestResult;
import org.mastermail.jdbc.JdbcStorage;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.permission.Role;
import org.mastermail.status.DefaultStatuses;
import org.mastermail.status.Status;
import org.mastermail.tenant.TenantSetup;

/**
 * The five-minute embedding example of the README: an office on an embedded H2 database, a shared {@code info@}
 * mailbox, two employees, and the daily moves of triage. Run it with
 * {@code mvn -q -pl mastermail-examples -am install -DskipTests && mvn -q -pl mastermail-examples exec:java}, or pass a
 * data directory as the first argument to keep the database.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("mastermail-example-");
    run(dataDir, System.out);
  }

  /** Runs the example on a database under {@code dataDir}, printing what happens to {@code out}. */
  public static void run(Path dataDir, PrintStream out) {
    try (MasterMail mm = MasterMail.builder()
        .storage(JdbcStorage.h2(dataDir))
        .listener(events -> events.forEach(e -> out.println("  event: " + e.type() + " " + nullToEmpty(e.after()))))
        .build()) {
      TenantSetup office = mm.createTenant("Acme Property", "boss@acme.example", "Anna Boss");
      Actor boss = office.adminActor();

      Mailbox info = mm.admin().mailboxes().createShared("info@acme.example", "Info", boss);
      Actor ewa = Actor.of(office.tenant().id(),
          mm.admin().users().create("ewa@acme.example", "Ewa", Role.MEMBER, boss).id());
      Actor jan = Actor.of(office.tenant().id(),
          mm.admin().users().create("jan@acme.example", "Jan", Role.MEMBER, boss).id());
      mm.admin().mailboxes().addMember(info.id(), ewa.user(), Role.MEMBER, boss);
      mm.admin().mailboxes().addMember(info.id(), jan.user(), Role.MEMBER, boss);

      // Mail comes in through the intake (IMAP/POP3 sources, importers, or the host's own messages) ...
      IngestResult received = mm.intake().ingest(office.tenant().id(), info.id(), new ByteArrayInputStream((
          "From: Tenant Nowak <nowak@example.org>\r\nTo: info@acme.example\r\nSubject: Water leak in flat 12\r\n"
              + "Message-ID: <leak-12@example.org>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
              + "Water is dripping from the ceiling in the bathroom.\r\n").getBytes(StandardCharsets.UTF_8)), null);
      Conversation leak = mm.triage().get(requireNonNull(received.conversation()), boss).conversation();
      // ... and conversations can also be opened by hand (a phone call, a letter)
      mm.triage().open(info.id(), "Question about the rent notice", boss);

      out.println("Ewa's inbox (mine + unassigned): " + titles(mm, ewa));
      Conversation taken = mm.triage().take(leak.ref(), ewa);
      Status inProgress = mm.admin().statuses().list(ewa).stream()
          .filter(s -> s.name().equals(DefaultStatuses.IN_PROGRESS)).findFirst().orElseThrow();
      taken = mm.triage().setStatus(taken.ref(), inProgress.id(), ewa);
      mm.triage().link(taken.ref(), EntityRef.of("flat", "12"), ewa);
      out.println("Ewa's inbox after taking the leak: " + titles(mm, ewa));
      out.println("Jan's inbox (he no longer sees Ewa's): " + titles(mm, jan));
    }
  }

  private static String titles(MasterMail mm, Actor actor) {
    Page<ConversationSummary> page = mm.triage().list(View.INBOX, ConversationFilter.none(), Sort.NEWEST, null, 20,
        actor);
    return page.items().stream().map(s -> s.conversation().subject()).toList().toString();
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
