package org.mastermail.imap.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mastermail.intake.SourceItem;

/**
 * The message archived in place of one that failed again and again: it tells the mailbox's people that a message
 * waits on the server, and lets the folder's position move past it exactly once.
 */
public final class Placeholder {
  private static final int MAX_ERROR = 500;
  private static final DateTimeFormatter RFC_5322 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private Placeholder() {}

  /** The raw bytes of the placeholder for {@code item}, which failed {@code attempts} times, last with {@code error}. */
  public static byte[] raw(SourceItem item, int attempts, Throwable error, ZonedDateTime now) {
    String where = item.source() + "/" + item.folder();
    String which = item.uid() > 0 ? "UID " + item.uid() + " (UIDVALIDITY " + item.uidValidity() + ")" : item.key();
    String body = "MasterMail could not archive message " + which + " of " + where + " after " + attempts
        + " attempts.\r\n\r\n"
        + "The message is still on the server, neither marked seen, moved nor deleted: please look at it there.\r\n"
        + "\r\nLast error: " + describe(error) + "\r\n";
    String raw = "From: MasterMail <mastermail@mastermail.invalid>\r\n"
        + "To: undisclosed-recipients:;\r\n"
        + "Subject: A message of " + oneLine(where) + " could not be archived (" + oneLine(which) + ")\r\n"
        + "Date: " + RFC_5322.format(now) + "\r\n"
        + "Message-ID: <placeholder." + Integer.toHexString((where + "/" + item.key()).hashCode()) + "."
        + now.toInstant().toEpochMilli() + "@mastermail.invalid>\r\n"
        + "Auto-Submitted: auto-generated\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n" + body;
    return raw.getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(Throwable error) {
    String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      text += " (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
          + ")";
    }
    text = oneLine(text);
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "..." : text;
  }

  private static String oneLine(String s) {
    return s.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }
}
