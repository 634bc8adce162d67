package org.mastermail.testkit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.intake.MailImporter;
import org.mastermail.intake.MailImporter.ImportReport;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.MessageMeta;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.testkit.InMemoryStorage;
import org.mastermail.testkit.contract.Mails;

class MailImporterTest {
  private final MasterMail mm = MasterMail.builder().storage(new InMemoryStorage()).build();
  private final TenantSetup office = mm.createTenant("Office", "admin@office.example", "Admin");
  private final Mailbox info = mm.admin().mailboxes().createShared("info@office.example", "Info", office.adminActor());
  private final MailImporter importer = new MailImporter(mm.intake(), office.tenant().id(), info.id());

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    for (ConversationSummary s : mm.triage().list(View.ALL, ConversationFilter.none(), Sort.OLDEST, null, 100,
        office.adminActor()).items()) {
      subjects.add(s.conversation().subject());
    }
    return subjects;
  }

  @Test
  void mboxShouldBeSplitAtFromLinesWithQuotedFromLinesRestored(@TempDir Path dir) throws IOException {
    String one = text(Mails.from("a@client.example", "info@office.example", "One")
        .body("Hi\n>From the start, this line was quoted in the mbox.\n").bytes());
    String two = text(Mails.from("b@client.example", "info@office.example", "Two").bytes());
    String three = text(Mails.from("c@client.example", "info@office.example", "Three").bytes());
    String mbox = "From a@client.example Mon Nov 16 09:30:00 2026\n" + one.replace("\r\n", "\n") + "\n"
        + "From b@client.example Mon Nov 16 09:31:00 2026\n" + two.replace("\r\n", "\n") + "\n"
        + "From c@client.example Mon Nov 16 09:32:00 2026\n" + three.replace("\r\n", "\n");
    Path file = dir.resolve("export.mbox");
    Files.writeString(file, mbox, StandardCharsets.UTF_8);
    List<Long> progress = new ArrayList<>();

    ImportReport report = importer.importPath(file, p -> progress.add(p.done()));

    assertThat(report.archived()).isEqualTo(3);
    assertThat(report.failures()).isEmpty();
    assertThat(progress).containsExactly(1L, 2L, 3L);
    assertThat(subjects()).containsExactly("One", "Two", "Three");
    ConversationSummary first = mm.triage().list(View.ALL, ConversationFilter.none(), Sort.OLDEST, null, 1,
        office.adminActor()).items().get(0);
    MessageMeta message = mm.triage().get(first.conversation().id(), office.adminActor()).messages().get(0);
    try (InputStream raw = mm.triage().raw(message.id(), office.adminActor())) {
      assertThat(text(raw.readAllBytes())).contains("\nFrom the start, this line was quoted");
    }
  }

  @Test
  void importingTheSameMaildirTwiceShouldArchiveEachMessageOnce(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("cur"));
    Files.createDirectories(dir.resolve("new"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.write(dir.resolve("cur/1700000000.M1.host:2,S"), Mails.from("a@client.example", "info@office.example",
        "Seen one").bytes());
    Files.write(dir.resolve("new/1700000001.M2.host"), Mails.from("b@client.example", "info@office.example",
        "New one").bytes());
    Files.write(dir.resolve("tmp/1700000002.M3.host"), Mails.from("c@client.example", "info@office.example",
        "Still being written").bytes());

    ImportReport first = importer.importPath(dir, p -> { });
    // the client marks the new message seen: Maildir renames it
    Files.move(dir.resolve("new/1700000001.M2.host"), dir.resolve("cur/1700000001.M2.host:2,S"));
    ImportReport second = importer.importPath(dir, p -> { });

    assertThat(first.archived()).isEqualTo(2);
    assertThat(second.archived()).isZero();
    assertThat(second.duplicates()).isEqualTo(2);
    assertThat(subjects()).containsExactlyInAnyOrder("Seen one", "New one");
  }

  @Test
  void directoryOfEmlFilesShouldBeImportedRecursively(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("2025/12"));
    Files.write(dir.resolve("a.eml"), Mails.from("a@client.example", "info@office.example", "Top").bytes());
    Files.write(dir.resolve("2025/12/b.eml"), Mails.from("b@client.example", "info@office.example", "Nested")
        .bytes());
    Files.writeString(dir.resolve("notes.txt"), "not mail");

    ImportReport report = importer.importPath(dir, p -> { });

    assertThat(report.archived()).isEqualTo(2);
    assertThat(subjects()).containsExactlyInAnyOrder("Top", "Nested");
  }

  @Test
  void estimateShouldCountTheMessagesAndBytesThatAnImportReads(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("export");
    Files.createDirectories(tree.resolve("Archive/cur"));
    Files.createDirectories(tree.resolve("Archive/new"));
    Files.write(tree.resolve("Archive/cur/1.host:2,S"), Mails.from("a@client.example", "info@office.example", "A")
        .bytes());
    Files.write(tree.resolve("Archive/new/2.host"), Mails.from("b@client.example", "info@office.example", "B")
        .bytes());
    Files.write(tree.resolve("c.eml"), Mails.from("c@client.example", "info@office.example", "C").bytes());
    Files.writeString(tree.resolve("old.mbox"), "From d@client.example Mon Nov 16 09:30:00 2026\n"
        + text(Mails.from("d@client.example", "info@office.example", "D").bytes())
        + "\nFrom e@client.example Mon Nov 16 09:31:00 2026\n"
        + text(Mails.from("e@client.example", "info@office.example", "E").bytes()), StandardCharsets.UTF_8);
    Files.writeString(tree.resolve("notes.txt"), "not mail");
    long bytes = Files.size(tree.resolve("Archive/cur/1.host:2,S")) + Files.size(tree.resolve("Archive/new/2.host"))
        + Files.size(tree.resolve("c.eml")) + Files.size(tree.resolve("old.mbox"));

    MailImporter.Estimate estimate = MailImporter.estimate(tree);

    assertThat(estimate.messages()).isEqualTo(5);
    assertThat(estimate.bytes()).isEqualTo(bytes);
    assertThat(MailImporter.estimate(tree.resolve("c.eml")).messages()).isEqualTo(1);
    assertThat(MailImporter.estimate(tree.resolve("old.mbox")).messages()).isEqualTo(2);
  }

  @Test
  void progressShouldCountMessagesBytesAndOutcomesUpToTheEstimate(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.mbox"), "From a@client.example Mon Nov 16 09:30:00 2026\n"
        + text(Mails.from("a@client.example", "info@office.example", "One").bytes())
        + "\nFrom b@client.example Mon Nov 16 09:31:00 2026\n"
        + text(Mails.from("b@client.example", "info@office.example", "Two").bytes()), StandardCharsets.UTF_8);
    Files.write(dir.resolve("b.eml"), Mails.from("c@client.example", "info@office.example", "Three").bytes());
    MailImporter.Estimate estimate = MailImporter.estimate(dir);
    importer.importPath(dir.resolve("b.eml"), p -> { });
    List<MailImporter.Progress> progress = new ArrayList<>();

    ImportReport report = importer.importPath(dir, progress::add);

    assertThat(report.archived()).isEqualTo(2);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(progress).extracting(MailImporter.Progress::done).containsExactly(1L, 2L, 3L);
    assertThat(progress).extracting(MailImporter.Progress::bytes).isSorted();
    MailImporter.Progress last = progress.get(2);
    assertThat(last.bytes()).isEqualTo(estimate.bytes());
    assertThat(last.done()).isEqualTo(estimate.messages());
    assertThat(last.archived()).isEqualTo(2);
    assertThat(last.duplicates()).isEqualTo(1);
    assertThat(last.failed()).isZero();
    assertThat(last.current()).isEqualTo(dir.resolve("b.eml"));
  }

  @Test
  void importingAPathThatDoesNotExistShouldFailNamingItAndArchiveNothing(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-export.mbox");

    assertThatThrownBy(() -> importer.importPath(missing, p -> { }))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> MailImporter.estimate(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString());
    assertThat(subjects()).isEmpty();
  }
}
