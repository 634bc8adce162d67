package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.examples.server.auth.JdbcLogins;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.config.Provisioner;
import org.mastermail.examples.server.config.ServerConfig;
import org.mastermail.examples.server.config.ServerDatabase;
import org.mastermail.intake.MailImporter;
import org.mastermail.intake.MailImporter.Estimate;
import org.mastermail.intake.MailImporter.ImportReport;
import org.mastermail.mailbox.Mailbox;

/**
 * The {@code import} command: archives mbox files, Maildirs and trees of {@code .eml} files into one mailbox of a
 * config's database through core's {@link MailImporter}, showing its progress on standard error. The database is
 * opened and provisioned as {@code serve} does it. Imported mail is history: it is archived unassigned and not routed
 * by rules, so no old sender gets an automatic reply. Running it again archives nothing twice.
 */
final class ImportCommand {
  /** How many failures the summary names; the rest are counted. */
  static final int FAILURES_SHOWN = 20;

  private final ServerConfig config;
  private final String address;
  private final @Nullable String tenant;
  private final List<Path> paths;

  /** {@code tenant} names the tenant when the address is a mailbox of several; null when it is not. */
  ImportCommand(ServerConfig config, String address, @Nullable String tenant, List<Path> paths) {
    this.config = requireNonNull(config, "config");
    this.address = requireNonNull(address, "address");
    this.tenant = tenant;
    this.paths = List.copyOf(paths);
    if (this.paths.isEmpty()) {
      throw new InvalidInputException("import needs at least one PATH");
    }
  }

  /** What an import did over all its paths. */
  record Summary(String mailbox, long messages, long bytes, long archived, long duplicates, long tooLarge,
      List<String> failures, Duration took) {
    Summary {
      failures = List.copyOf(failures);
    }

    /** One line for the person who ran it. */
    String line() {
      double seconds = Math.max(took.toMillis(), 1) / 1000.0;
      return String.format(Locale.ROOT,
          "Imported into %s: %d archived, %d duplicates skipped, %d too large, %d failed"
              + " (%d messages, %s in %.1f s, %.1f msg/s)",
          mailbox, archived, duplicates, tooLarge, failures.size(), messages, ImportProgress.size(bytes), seconds,
          messages / seconds);
    }
  }

  /**
   * Checks every path (before anything is opened, so a typo costs nothing), opens the database, finds the mailbox
   * and imports the paths in order.
   *
   * @throws InvalidInputException when a path is missing or unreadable, or the mailbox is unknown
   */
  Summary run(ImportProgress.Mode mode, PrintStream err) {
    long messages = 0;
    long bytes = 0;
    for (Path path : paths) {
      Estimate e = MailImporter.estimate(path);
      messages += e.messages();
      bytes += e.bytes();
    }
    try (ServerDatabase database = ServerDatabase.of(config);
        MasterMail mm = MasterMail.builder().storage(database.storage()).build()) {
      JdbcLogins logins = new JdbcLogins(database.jdbi(), PasswordHasher.DEFAULT, Clock.systemUTC());
      Provisioner provisioner = new Provisioner(mm, database.jdbi(), logins);
      provisioner.apply(config.tenants());
      Target target = find(mm, provisioner.tenantAdmins());
      MailImporter importer = new MailImporter(mm.intake(), target.admin().tenant(), target.mailbox().id());
      err.printf(Locale.ROOT, "Importing %d messages (%s) from %d path%s into %s%n", messages,
          ImportProgress.size(bytes), paths.size(), paths.size() == 1 ? "" : "s", target.mailbox().address());
      long archived = 0;
      long duplicates = 0;
      long tooLarge = 0;
      List<String> failures = new ArrayList<>();
      long started = System.nanoTime();
      try (ImportProgress progress = ImportProgress.start(new Estimate(messages, bytes), mode, err)) {
        for (Path path : paths) {
          ImportReport r = importer.importPath(path, progress::update);
          progress.nextPath();
          archived += r.archived();
          duplicates += r.duplicates();
          tooLarge += r.tooLarge();
          r.failures().forEach(f -> failures.add(path + ": " + f));
        }
      }
      return new Summary(target.mailbox().address(), archived + duplicates + tooLarge + failures.size(), bytes,
          archived, duplicates, tooLarge, failures, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private record Target(String tenant, Actor admin, Mailbox mailbox) {}

  /** The mailbox of that address among all tenants of the database; an unknown one names those there are. */
  private Target find(MasterMail mm, Map<String, Actor> admins) {
    List<Target> found = new ArrayList<>();
    List<String> known = new ArrayList<>();
    if (tenant != null && !admins.containsKey(tenant)) {
      throw new InvalidInputException("no tenant " + tenant + " in the database of the config; its tenants: "
          + String.join(", ", admins.keySet()));
    }
    for (Map.Entry<String, Actor> t : admins.entrySet()) {
      if (tenant != null && !tenant.equals(t.getKey())) {
        continue;
      }
      for (Mailbox m : mm.admin().mailboxes().list(t.getValue())) {
        known.add(m.address());
        if (m.address().equalsIgnoreCase(address.strip())) {
          found.add(new Target(t.getKey(), t.getValue(), m));
        }
      }
    }
    if (found.isEmpty()) {
      throw new InvalidInputException("no mailbox " + address + " in the database of the config"
          + (known.isEmpty() ? " (it has no mailboxes)" : "; its mailboxes: " + String.join(", ", known.stream()
              .sorted().toList())));
    }
    if (found.size() > 1) {
      throw new InvalidInputException("mailbox " + address + " exists in the tenants "
          + String.join(", ", found.stream().map(Target::tenant).toList()) + ": name one with --tenant NAME");
    }
    return found.get(0);
  }
}
