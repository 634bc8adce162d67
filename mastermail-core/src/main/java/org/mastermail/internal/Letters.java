package org.mastermail.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundAttachment;
import org.mastermail.outbound.SendingAccount;

/** Turns what a person wrote into a {@link Letter}, refusing anything that could break or inject a header. */
final class Letters {
  static final int MAX_RECIPIENTS = 500;
  private static final int MAX_SUBJECT = 998;
  private static final int MAX_REFERENCES = 30;
  private static final Pattern CONTENT_TYPE = Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$");
  private static final Pattern MESSAGE_ID = Pattern.compile("^[^\\s<>\"()\\\\,;]+@[^\\s<>\"()\\\\,;]+$");

  private Letters() {}

  /** The letter a draft holds: addresses checked when present, but a draft may still lack recipients. */
  static Letter of(Compose c, Mailbox from, SendingAccount account, List<OutboundAttachment> files,
      boolean autoSubmitted) {
    List<String> to = addresses("to", c.to());
    List<String> cc = addresses("cc", c.cc());
    List<String> bcc = addresses("bcc", c.bcc());
    if (to.size() + cc.size() + bcc.size() > MAX_RECIPIENTS) {
      throw new InvalidInputException("a message may have at most " + MAX_RECIPIENTS + " recipients, this one has "
          + (to.size() + cc.size() + bcc.size()));
    }
    String subject = Check.noControl("subject", c.subject().strip());
    if (subject.length() > MAX_SUBJECT) {
      throw new InvalidInputException("subject must be at most " + MAX_SUBJECT + " characters, was "
          + subject.length());
    }
    noNul("text", c.text());
    if (c.html() != null) {
      noNul("html", c.html());
    }
    String inReplyTo = c.inReplyTo() == null ? null : messageId("inReplyTo", c.inReplyTo());
    List<String> references = new ArrayList<>();
    for (int i = 0; i < c.references().size(); i++) {
      references.add(messageId("references[" + i + "]", c.references().get(i)));
    }
    if (references.size() > MAX_REFERENCES) {
      // keep the thread's first message and the latest ones, as RFC 5322 suggests for long threads
      List<String> kept = new ArrayList<>(references.subList(references.size() - MAX_REFERENCES + 1,
          references.size()));
      kept.add(0, references.get(0));
      references = kept;
    }
    String name = account.displayName() != null ? account.displayName() : from.name();
    return new Letter(from.address(), Check.noControl("display name", name),
        account.replyTo() == null ? null : Check.address("replyTo", account.replyTo()), to, cc, bcc, subject,
        c.text(), c.html(), inReplyTo, references, files, autoSubmitted);
  }

  /** Fails unless the letter can be sent: at least one recipient. */
  static void requireSendable(Letter letter) {
    if (letter.to().isEmpty() && letter.cc().isEmpty() && letter.bcc().isEmpty()) {
      throw new InvalidInputException("a message needs at least one recipient (to, cc or bcc)");
    }
  }

  static String fileName(String field, String name) {
    String n = Check.noControl(field, name.strip());
    if (n.isEmpty() || n.length() > 255) {
      throw new InvalidInputException(field + " must be 1 to 255 characters");
    }
    return n;
  }

  static String contentType(String field, String type) {
    String t = type.strip().toLowerCase(Locale.ROOT);
    if (!CONTENT_TYPE.matcher(t).matches()) {
      throw new InvalidInputException(field + " is not a MIME type (like application/pdf): '" + printable(type) + "'");
    }
    return t;
  }

  /** Appends a signature after the conventional {@code "-- "} line. */
  static String withSignature(String text, @Nullable String signature) {
    if (signature == null || signature.isBlank()) {
      return text;
    }
    return text + "\n\n-- \n" + signature.strip() + "\n";
  }

  private static List<String> addresses(String field, List<String> list) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      seen.add(Check.address(field + "[" + i + "]", list.get(i)));
    }
    return List.copyOf(seen);
  }

  private static String messageId(String field, String value) {
    String v = value.strip();
    if (v.startsWith("<") && v.endsWith(">")) {
      v = v.substring(1, v.length() - 1);
    }
    Check.noControl(field, v);
    if (v.length() > MessageIds.MAX_LENGTH || !MESSAGE_ID.matcher(v).matches()) {
      throw new InvalidInputException(field + " is not a Message-ID: '" + printable(value) + "'");
    }
    return v;
  }

  private static void noNul(String field, String value) {
    int at = value.indexOf('\0');
    if (at >= 0) {
      throw new InvalidInputException(field + " must not contain NUL (found at position " + at + ")");
    }
  }

  private static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }
}
