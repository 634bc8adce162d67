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
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMailException;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * Imports existing mail into a mailbox: a single {@code .eml} file, an mbox file, a Maildir ({@code cur} and
 * {@code new}), or a directory tree of {@code .eml} files. Each message is archived through {@link Intake} with a
 * file item, so running the same import twice archives nothing twice; messages are streamed, never held whole.
 *
 * <pre>{@code
 * Path export = Path.of("export.mbox");
 * MailImporter.Estimate total = MailImporter.estimate(export); // optional: to show a share done
 * ImportReport report = new MailImporter(mm.intake(), tenant, info.id())
 *     .importPath(export, p -> System.out.println(p.done() + "/" + total.messages()));
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

  /**
   * How far an import is, after each message: messages handled, bytes of input read, the outcomes so far, and the
   * file being read. {@code failed} counts messages that could not be archived (named in the report's failures).
   */
  public record Progress(long done, long bytes, long archived, long duplicates, long tooLarge, long failed,
      Path current) {
    public Progress {
      requireNonNull(current, "current");
    }
  }

  /** What an import did. A message that failed is named in {@code failures} and the import goes on. */
  public record ImportReport(long archived, long duplicates, long tooLarge, List<String> failures) {
    public ImportReport {
      failures = List.copyOf(failures);
    }
  }

  /**
   * What {@link #importPath} would read from {@code path}: how many messages (an mbox is read through once to count
   * its "From " lines; nothing is parsed) and how many bytes. {@link Progress#done()} and {@link Progress#bytes()}
   * count up to these.
   *
   * @throws InvalidInputException when {@code path} does not exist or cannot be read
   */
  public static Estimate estimate(Path path) {
    requireNonNull(path, "path");
    checkReadable(path);
    try {
      if (Files.isDirectory(path)) {
        long messages = 0;
        long bytes = 0;
        for (Path file : messageFiles(path)) {
          messages += isMbox(file) ? countMbox(file) : 1;
          bytes += Files.size(file);
        }
        return new Estimate(messages, bytes);
      }
      return new Estimate(isMbox(path) ? countMbox(path) : 1, Files.size(path));
    } catch (IOException e) {
      throw new MasterMailException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The size of an import, from {@link #estimate(Path)}. */
  public record Estimate(long messages, long bytes) {}

  /**
   * Imports {@code path} (file or directory); {@code progress} hears of every message. A file of a directory that
   * cannot be read is named in the report's failures and the import goes on.
   *
   * @throws InvalidInputException when {@code path} does not exist or cannot be read; nothing was imported then
   */
  public ImportReport importPath(Path path, Consumer<Progress> progress) {
    requireNonNull(path, "path");
    requireNonNull(progress, "progress");
    checkReadable(path);
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

  private static void checkReadable(Path path) {
    if (!Files.exists(path)) {
      throw new InvalidInputException("no such file or directory: " + path);
    }
    if (!Files.isReadable(path)) {
      throw new InvalidInputException("cannot read " + path + ": permission denied");
    }
  }

  private static List<Path> messageFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> isMessageFile(dir, p)).sorted().toList();
    }
  }

  private void importDirectory(Path dir, SourceId source, Counter counter) throws IOException {
    for (Path file : messageFiles(dir)) {
      String key = dir.relativize(file).toString();
      try {
        if (isMbox(file)) {
          importMbox(file, SourceId.of("import:" + tail(file.toAbsolutePath().normalize().toString(), 190)),
              counter);
        } else {
          importFile(file, maildirKey(key), source, counter);
        }
      } catch (IOException e) {
        // one unreadable file must not end the import of the others
        counter.failed(file, key + ": cannot read: " + e);
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
    long size = Files.size(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      counter.add(file, key, size, () -> intake.ingest(tenant, mailbox, in, SourceItem.file(source, key)));
    }
  }

  /** Splits an mbox at its "From " lines (after a blank line or at the start), undoing mboxrd's ">From " quoting. */
  private void importMbox(Path file, SourceId source, Counter counter) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      Path part = null;
      OutputStream out = null;
      int index = 0;
      long read = 0;
      long ingested = 0; // bytes of the file up to the end of the last message ingested
      boolean previousBlank = true;
      try {
        byte[] line;
        while ((line = readLine(in)) != null) {
          if (previousBlank && startsWith(line, "From ")) {
            if (out != null) {
              out.close();
              ingestPart(file, part, index, read - ingested, source, counter);
              ingested = read;
            }
            index++;
            part = part == null ? Files.createTempFile("mastermail-mbox-", ".eml") : part;
            out = Files.newOutputStream(part);
            previousBlank = false;
            read += line.length;
            continue;
          }
          read += line.length;
          if (out != null) {
            int start = isQuotedFrom(line) ? 1 : 0;
            out.write(line, start, line.length - start);
          }
          previousBlank = line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r';
        }
        if (out != null) {
          out.close();
          out = null;
          ingestPart(file, part, index, read - ingested, source, counter);
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

  private void ingestPart(Path mbox, Path part, int index, long bytes, SourceId source, Counter counter)
      throws IOException {
    try (InputStream message = new BufferedInputStream(Files.newInputStream(part))) {
      String key = mbox.getFileName() + "#" + index;
      counter.add(mbox, key, bytes, () -> intake.ingest(tenant, mailbox, message, SourceItem.file(source, key)));
    }
  }

  /** The messages of an mbox, split as {@link #importMbox} splits it. */
  private static long countMbox(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long count = 0;
      boolean previousBlank = true;
      byte[] line;
      while ((line = readLine(in)) != null) {
        if (previousBlank && startsWith(line, "From ")) {
          count++;
          previousBlank = false;
          continue;
        }
        previousBlank = line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r';
      }
      return count;
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
    private long bytes;
    private long archived;
    private long duplicates;
    private long tooLarge;
    private final List<String> failures = new ArrayList<>();

    Counter(Consumer<Progress> progress) {
      this.progress = progress;
    }

    void add(Path file, String key, long size, Supplier<IngestResult> ingest) {
      try {
        switch (ingest.get().outcome()) {
          case ARCHIVED -> archived++;
          case DUPLICATE -> duplicates++;
          case TOO_LARGE -> tooLarge++;
        }
      } catch (RuntimeException e) {
        failures.add(key + ": " + e.getMessage());
      }
      advance(file, size);
    }

    void failed(Path file, String failure) {
      failures.add(failure);
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        size = 0;
      }
      advance(file, size);
    }

    private void advance(Path file, long size) {
      done++;
      bytes += size;
      progress.accept(new Progress(done, bytes, archived, duplicates, tooLarge, failures.size(), file));
    }
  }
}
