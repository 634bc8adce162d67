package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.mastermail.MasterMailException;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * Imports existing mail into a mailbox: a single {@code .eml} file, an mbox file, a Maildir ({@code cur} and
 * {@code new}), or a directory tree of {@code .eml} files. Each message is archived through {@link Intake} with a
 * file item, so running the same import twice archives nothing twice; messages are streamed, never held whole.
 *
 * <pre>{@code
 * ImportReport report = new MailImporter(mm.intake(), tenant, info.id())
 *     .importPath(Path.of("export.mbox"), progress -> System.out.println(progress.done()));
 * }</pre>
 */
public final class MailImporter {
  private final Intake intake;
  private final TenantId tenant;
  private final MailboxId mailbox;

  public MailImporter(Intake intake, TenantId tenant, MailboxId mailbox) {
    this.intake = requireNonNull(intake, "intake");
    this.tenant = requireNonNull(tenant, "tenant");
    this.mailbox = requireNonNull(mailbox, "mailbox");
  }

  /** How far an import is: messages handled so far. */
  public record Progress(long done, Path current) {}

  /** What an import did. A message that failed is named in {@code failures} and the import goes on. */
  public record ImportReport(long archived, long duplicates, long tooLarge, List<String> failures) {
    public ImportReport {
      failures = List.copyOf(failures);
    }
  }

  /** Imports {@code path} (file or directory); {@code progress} hears of every message. */
  public ImportReport importPath(Path path, Consumer<Progress> progress) {
    requireNonNull(path, "path");
    requireNonNull(progress, "progress");
    Counter counter = new Counter(progress);
    SourceId source = SourceId.of("import:" + tail(path.toAbsolutePath().normalize().toString(), 190));
    try {
      if (Files.isDirectory(path)) {
        importDirectory(path, source, counter);
      } else if (isMbox(path)) {
        importMbox(path, source, counter);
      } else {
        importFile(path, path.getFileName().toString(), source, counter);
      }
    } catch (IOException e) {
      throw new MasterMailException("cannot import " + path + ": " + e.getMessage(), e);
    }
    return new ImportReport(counter.archived, counter.duplicates, counter.tooLarge, counter.failures);
  }

  private void importDirectory(Path dir, SourceId source, Counter counter) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(p -> isMessageFile(dir, p)).sorted().toList();
    }
    for (Path file : files) {
      String key = dir.relativize(file).toString();
      if (isMbox(file)) {
        importMbox(file, SourceId.of("import:" + tail(file.toAbsolutePath().normalize().toString(), 190)), counter);
      } else {
        importFile(file, maildirKey(key), source, counter);
      }
    }
  }

  // Maildir moves a message from new/ to cur/ and renames it when its flags change ("1234.host:2,S"): its folder
  // and the part of its name before ':' are what stays
  private static String maildirKey(String key) {
    String k = key.replace('\\', '/');
    int colon = k.lastIndexOf(':');
    if (colon > k.lastIndexOf('/')) {
      k = k.substring(0, colon);
    }
    return k.replaceFirst("(^|/)(cur|new)/([^/]+)$", "$1$3");
  }

  private static boolean isMessageFile(Path root, Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Path parent = root.relativize(file).getParent();
    boolean inMaildir = parent != null && (parent.endsWith("cur") || parent.endsWith("new"));
    return inMaildir || lower.endsWith(".eml") || lower.endsWith(".mbox") || lower.endsWith(".mbx");
  }

  private void importFile(Path file, String key, SourceId source, Counter counter) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      counter.add(file, key, () -> intake.ingest(tenant, mailbox, in, SourceItem.file(source, key)));
    }
  }

  /** Splits an mbox at its "From " lines (after a blank line or at the start), undoing mboxrd's ">From " quoting. */
  private void importMbox(Path file, SourceId source, Counter counter) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      Path part = null;
      OutputStream out = null;
      int index = 0;
      boolean previousBlank = true;
      try {
        byte[] line;
        while ((line = readLine(in)) != null) {
          if (previousBlank && startsWith(line, "From ")) {
            if (out != null) {
              out.close();
              ingestPart(file, part, index, source, counter);
            }
            index++;
            part = part == null ? Files.createTempFile("mastermail-mbox-", ".eml") : part;
            out = Files.newOutputStream(part);
            previousBlank = false;
            continue;
          }
          if (out != null) {
            int start = isQuotedFrom(line) ? 1 : 0;
            out.write(line, start, line.length - start);
          }
          previousBlank = line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r';
        }
        if (out != null) {
          out.close();
          out = null;
          ingestPart(file, part, index, source, counter);
        }
      } finally {
        if (out != null) {
          out.close();
        }
        if (part != null) {
          Files.deleteIfExists(part);
        }
      }
    }
  }

  private void ingestPart(Path mbox, Path part, int index, SourceId source, Counter counter) throws IOException {
    try (InputStream message = new BufferedInputStream(Files.newInputStream(part))) {
      String key = mbox.getFileName() + "#" + index;
      counter.add(mbox, key, () -> intake.ingest(tenant, mailbox, message, SourceItem.file(source, key)));
    }
  }

  private static boolean isMbox(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".mbox") || lower.endsWith(".mbx")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return startsWith(in.readNBytes(5), "From ");
    }
  }

  private static boolean isQuotedFrom(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == '>') {
      i++;
    }
    return i > 0 && startsWith(Arrays.copyOfRange(line, i, line.length), "From ");
  }

  private static boolean startsWith(byte[] line, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (line.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (line[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  /** One line with its line end, or null at the end; very long lines come back in pieces of 64 KiB. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n' || line.size() >= 1 << 16) {
        break;
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
  }

  private static String tail(String s, int max) {
    return s.length() <= max ? s : s.substring(s.length() - max);
  }

  /** Tallies outcomes and reports progress. */
  private static final class Counter {
    private final Consumer<Progress> progress;
    private long done;
    private long archived;
    private long duplicates;
    private long tooLarge;
    private final List<String> failures = new ArrayList<>();

    Counter(Consumer<Progress> progress) {
      this.progress = progress;
    }

    void add(Path file, String key, Supplier<IngestResult> ingest) {
      try {
        switch (ingest.get().outcome()) {
          case ARCHIVED -> archived++;
          case DUPLICATE -> duplicates++;
          case TOO_LARGE -> tooLarge++;
        }
      } catch (RuntimeException e) {
        failures.add(key + ": " + e.getMessage());
      }
      done++;
      progress.accept(new Progress(done, file));
    }
  }
}
