package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.mastermail.intake.MailImporter;

/**
 * The progress of an import on standard error, with me.tongfei's progressbar: messages done of the total, the rate,
 * the bytes read, duplicates and failures. On a terminal the bar is redrawn in place; otherwise (a log file, a CI job,
 * {@code --no-progress}) a plain line is printed every {@link #PLAIN_INTERVAL_MILLIS} and once at the end.
 */
final class ImportProgress implements AutoCloseable {
  /** How often a plain line is printed when the output is not a terminal. */
  static final int PLAIN_INTERVAL_MILLIS = 5_000;
  private static final int TERMINAL_INTERVAL_MILLIS = 200;
  private static final int PLAIN_LINE_LENGTH = 160;

  /** How progress is shown. */
  enum Mode {
    /** Redrawn in place on a terminal. */
    TERMINAL,
    /** Plain lines, now and then. */
    PLAIN;

    /** A terminal when there is a console and progress was not turned off. */
    static Mode detect(boolean progressWanted) {
      return progressWanted && System.console() != null ? TERMINAL : PLAIN;
    }
  }

  private final ProgressBar bar;
  private final long totalBytes;
  // what earlier paths of the same import did: each path's progress starts again at zero
  private long doneBefore;
  private long bytesBefore;
  private long duplicatesBefore;
  private long failedBefore;
  private MailImporter.@Nullable Progress last;

  private ImportProgress(ProgressBar bar, long totalBytes) {
    this.bar = bar;
    this.totalBytes = totalBytes;
  }

  /** Starts showing an import of {@code total} on {@code err}. */
  static ImportProgress start(MailImporter.Estimate total, Mode mode, PrintStream err) {
    requireNonNull(total, "total");
    requireNonNull(err, "err");
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName("Importing")
        .setInitialMax(total.messages())
        .setUnit(" msg", 1)
        .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    if (mode == Mode.TERMINAL) {
      b.setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(TERMINAL_INTERVAL_MILLIS);
    } else {
      b.setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new DelegatingProgressBarConsumer(new PlainLines(err), PLAIN_LINE_LENGTH))
          .setUpdateIntervalMillis(PLAIN_INTERVAL_MILLIS);
    }
    ImportProgress progress = new ImportProgress(b.build(), total.bytes());
    progress.bar.setExtraMessage(progress.extra(0, 0, 0));
    return progress;
  }

  /** One more message of the current path. */
  void update(MailImporter.Progress p) {
    last = p;
    bar.stepTo(doneBefore + p.done());
    bar.setExtraMessage(extra(bytesBefore + p.bytes(), duplicatesBefore + p.duplicates(),
        failedBefore + p.failed() + p.tooLarge()));
  }

  /** The current path is done; the next one's progress starts from zero. */
  void nextPath() {
    if (last != null) {
      doneBefore += last.done();
      bytesBefore += last.bytes();
      duplicatesBefore += last.duplicates();
      failedBefore += last.failed() + last.tooLarge();
      last = null;
    }
  }

  private String extra(long bytes, long duplicates, long failed) {
    StringBuilder s = new StringBuilder(", ").append(size(bytes)).append('/').append(size(totalBytes));
    if (duplicates > 0) {
      s.append(", ").append(duplicates).append(" duplicate").append(duplicates == 1 ? "" : "s");
    }
    if (failed > 0) {
      s.append(", ").append(failed).append(" not archived");
    }
    return s.toString();
  }

  /** Bytes for people: 512 B, 3.4 KiB, 12.0 MiB, 1.2 GiB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Prints each line once: the closing line repeats the last one when nothing happened since. */
  private static final class PlainLines implements Consumer<String> {
    private final PrintStream err;
    private @Nullable String previous;

    PlainLines(PrintStream err) {
      this.err = err;
    }

    @Override
    public void accept(String line) {
      if (!line.equals(previous)) {
        err.println(line);
        previous = line;
      }
    }
  }

  /** Shows the final state (a last line when plain) and stops redrawing. */
  @Override
  public void close() {
    bar.close();
  }
}
