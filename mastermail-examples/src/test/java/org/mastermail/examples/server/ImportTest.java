package org.mastermail.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.examples.server.auth.JdbcLogins;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.Provisioner;
import org.mastermail.examples.server.config.ServerDatabase;
import org.mastermail.testkit.contract.Mails;

/** {@code import}: mbox files, Maildirs and .eml trees into a mailbox of a config's database, each message once. */
class ImportTest {
  private static final String BIURO = "biuro@lipowa.example";

  @TempDir
  Path dir;

  /** What a run printed and returned. */
  private record Run(int status, String out, String err) {}

  private Path config() throws IOException {
    Path config = dir.resolve("server.json");
    Files.writeString(config, """
        {"database": {"dataDir": "data"},
         "tenants": [{"name": "Lipowa Housing",
           "users": [{"email": "boss@lipowa.example", "name": "Barbara Boss", "role": "admin"}],
           "mailboxes": [{"address": "biuro@lipowa.example", "name": "Biuro"},
                         {"address": "zarzad@lipowa.example", "name": "Zarząd"}]}]}
        """);
    return config;
  }

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ServerMain.importMail(ServerMain.parse(List.of(args), name -> null),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String mail(String from, String subject) {
    return new String(Mails.from(from, BIURO, subject).bytes(), StandardCharsets.UTF_8);
  }

  /** An mbox of three, a Maildir of two and a tree of two .eml files: seven messages. */
  private List<String> exports() throws IOException {
    Path mbox = dir.resolve("old.mbox");
    Files.writeString(mbox, "From a@client.example Mon Nov 16 09:30:00 2026\n" + mail("a@client.example", "Mbox one")
        + "\nFrom b@client.example Mon Nov 16 09:31:00 2026\n" + mail("b@client.example", "Mbox two")
        + "\nFrom c@client.example Mon Nov 16 09:32:00 2026\n" + mail("c@client.example", "Mbox three"),
        StandardCharsets.UTF_8);
    Path maildir = dir.resolve("Maildir");
    Files.createDirectories(maildir.resolve("cur"));
    Files.createDirectories(maildir.resolve("new"));
    Files.writeString(maildir.resolve("cur/1700000000.M1.host:2,S"), mail("d@client.example", "Maildir seen"));
    Files.writeString(maildir.resolve("new/1700000001.M2.host"), mail("e@client.example", "Maildir new"));
    Path emls = dir.resolve("saved");
    Files.createDirectories(emls.resolve("2025"));
    Files.writeString(emls.resolve("f.eml"), mail("f@client.example", "Saved top"));
    Files.writeString(emls.resolve("2025/g.eml"), mail("g@client.example", "Saved nested"));
    return List.of(mbox.toString(), maildir.toString(), emls.toString());
  }

  private String[] importArgs(String mailbox, List<String> paths) throws IOException {
    List<String> args = new ArrayList<>(List.of("import", "--config", config().toString(), "--mailbox", mailbox,
        "--no-progress"));
    args.addAll(paths);
    return args.toArray(String[]::new);
  }

  private List<String> subjectsIn(String address) {
    try (ServerDatabase database = ServerDatabase.h2(dir.resolve("data"));
        MasterMail mm = MasterMail.builder().storage(database.storage()).build()) {
      Actor admin = new Provisioner(mm, database.jdbi(), new JdbcLogins(database.jdbi(), PasswordHasher.FOR_TESTS,
          java.time.Clock.systemUTC())).tenantAdmins().get("Lipowa Housing");
      var mailbox = mm.admin().mailboxes().list(admin).stream().filter(m -> m.address().equals(address))
          .findFirst().orElseThrow();
      return mm.triage().list(View.ALL, ConversationFilter.none().withMailboxes(java.util.Set.of(mailbox.id())), Sort.OLDEST, null, 100,
          admin).items().stream().map(ConversationSummary::conversation).map(c -> c.subject()).toList();
    }
  }

  @Test
  void anMboxAMaildirAndAnEmlTreeShouldBeArchivedOnceAndASecondRunShouldArchiveNothing() throws IOException {
    List<String> paths = exports();

    Run first = run(importArgs(BIURO, paths));
    Run second = run(importArgs("BIURO@lipowa.example", paths));

    assertThat(first.status()).isZero();
    assertThat(first.out()).contains("Imported into biuro@lipowa.example: 7 archived, 0 duplicates skipped,"
        + " 0 too large, 0 failed (7 messages");
    assertThat(second.status()).isZero();
    assertThat(second.out()).contains(": 0 archived, 7 duplicates skipped, 0 too large, 0 failed");
    assertThat(subjectsIn(BIURO)).containsExactlyInAnyOrder("Mbox one", "Mbox two", "Mbox three", "Maildir seen",
        "Maildir new", "Saved top", "Saved nested");
    assertThat(subjectsIn("zarzad@lipowa.example")).isEmpty();
  }

  @Test
  void progressOffATerminalShouldBePlainLinesWithTheRealNumbers() throws IOException {
    List<String> paths = exports();
    long bytes = 0;
    for (String p : List.of("old.mbox", "Maildir/cur/1700000000.M1.host:2,S", "Maildir/new/1700000001.M2.host",
        "saved/f.eml", "saved/2025/g.eml")) {
      bytes += Files.size(dir.resolve(p));
    }
    String size = ImportProgress.size(bytes);

    Run run = run(importArgs(BIURO, paths));

    assertThat(run.err()).startsWith("Importing 7 messages (" + size + ") from 3 paths into biuro@lipowa.example");
    assertThat(run.err()).doesNotContain("\r");
    String last = run.err().lines().filter(l -> l.startsWith("Importing 100%")).reduce((a, b) -> b).orElseThrow();
    assertThat(last).contains("7/7 msg").contains(size + "/" + size).contains("msg/s");
  }

  @Test
  void duplicatesShouldShowInTheProgressLine() throws IOException {
    List<String> paths = exports();
    run(importArgs(BIURO, paths.subList(0, 1)));

    Run run = run(importArgs(BIURO, paths));

    assertThat(run.out()).contains(": 4 archived, 3 duplicates skipped");
    assertThat(run.err()).contains("7/7 msg").contains(", 3 duplicates");
  }

  @Test
  void anUnknownMailboxShouldBeNamedWithTheKnownOnes() throws IOException {
    Run run = run(importArgs("info@lipowa.example", exports()));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("no mailbox info@lipowa.example")
        .contains("biuro@lipowa.example, zarzad@lipowa.example");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingPathShouldBeNamedBeforeAnythingIsOpenedOrImported() throws IOException {
    List<String> paths = new ArrayList<>(exports());
    String missing = dir.resolve("no-such.mbox").toString();
    paths.add(missing);

    Run run = run(importArgs(BIURO, paths));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("import failed: no such file or directory: " + missing);
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void aMissingConfigFileShouldBeNamed() {
    String config = dir.resolve("nowhere.json").toString();

    Run run = run("import", "--config", config, "--mailbox", BIURO, dir.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("no such config file: " + config);
  }
}
