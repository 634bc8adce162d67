package org.mastermail.imap.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.mastermail.imap.internal.FixedMimeMessage.SourceReadException;
import org.mastermail.outbound.TransportException;

/**
 * Turns what Angus Mail throws into a {@link TransportException}: a 4xx reply is transient, a 5xx reply permanent, and
 * a connection that could not be opened, timed out or broke is transient with no code. The server's reply text is
 * kept as the message.
 *
 * <p>Angus refuses a whole message when one recipient is refused (partial sending is off); the message is then
 * classified by the worst reply among the recipients, since a resend would meet the same 5xx again.
 */
public final class SmtpFailures {
  private SmtpFailures() {}

  /** Opening or logging in failed; {@code lastCode} and {@code lastReply} are the transport's last reply. */
  public static TransportException connecting(MessagingException e, int lastCode, @Nullable String lastReply,
      String server) {
    if (!connectionFailed(e) && isReply(lastCode) && lastReply != null) {
      return TransportException.reply(lastCode, lastReply.strip(), e);
    }
    return TransportException.unreachable(server + ": cannot connect: " + describe(e), e);
  }

  /** Sending one message failed. */
  public static TransportException sending(MessagingException e, String server) {
    SourceReadException source = find(e, SourceReadException.class);
    if (source != null) {
      return new TransportException(source.getMessage(), false, 0, e);
    }
    List<Reply> replies = replies(e);
    Reply worst = replies.stream().max((a, b) -> Integer.compare(a.code(), b.code())).orElse(null);
    if (worst == null) {
      return TransportException.unreachable(server + ": " + describe(e), e);
    }
    List<Reply> recipients = replies.stream().filter(r -> r.address() != null).toList();
    String text = worst.address() == null ? worst.text()
        : recipients.stream().map(r -> r.address() + ": " + r.text()).collect(Collectors.joining("; "));
    return TransportException.reply(worst.code(), text, e);
  }

  /** Whether {@code code} is a reply that refuses: 4xx or 5xx (Angus uses -1 for a connection closed instead). */
  public static boolean isReply(int code) {
    return code >= 400 && code < 600;
  }

  private record Reply(int code, String text, @Nullable String address) {}

  /** The refusing replies in the chain: the failed command's, and one per refused recipient. */
  private static List<Reply> replies(MessagingException e) {
    List<Reply> replies = new ArrayList<>();
    for (Throwable t : chain(e)) {
      if (t instanceof SMTPAddressFailedException a && isReply(a.getReturnCode())) {
        replies.add(new Reply(a.getReturnCode(), text(a), a.getAddress().getAddress()));
      } else if (t instanceof SMTPSendFailedException s && isReply(s.getReturnCode())) {
        replies.add(new Reply(s.getReturnCode(), text(s), null));
      } else if (t instanceof SMTPSenderFailedException s && isReply(s.getReturnCode())) {
        replies.add(new Reply(s.getReturnCode(), text(s), null));
      }
    }
    return replies;
  }

  private static String text(MessagingException e) {
    String m = e.getMessage();
    return m == null ? "" : m.strip();
  }

  private static boolean connectionFailed(Throwable e) {
    return find(e, IOException.class) != null;
  }

  /** The message, with the network failure under it when there is one ("Read timed out", "Connection refused"). */
  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    if (e instanceof SMTPSendFailedException s && s.getReturnCode() == -1) {
      message = "the server closed the connection (" + message + ")";
    }
    IOException io = find(e, IOException.class);
    if (io != null && io != e && !message.contains(String.valueOf(io.getMessage()))) {
      message += ": " + io;
    }
    return message;
  }

  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    for (Throwable t : chain(e)) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** {@code e}, its causes and its next exceptions (Angus chains one per refused recipient), each once. */
  private static List<Throwable> chain(Throwable e) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> all = new ArrayList<>();
    List<Throwable> todo = new ArrayList<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(0);
      if (!seen.add(t)) {
        continue;
      }
      all.add(t);
      if (t instanceof MessagingException m && m.getNextException() != null) {
        todo.add(m.getNextException());
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return all;
  }
}
