package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * When a {@link Rule} applies. Conditions combine with {@link All}, {@link Any} and {@link Not}; the others test one
 * thing about the incoming message. Addresses and domains are compared ignoring case; a {@link FromDomain} also
 * matches its subdomains ({@code client.example} matches {@code mail.client.example}).
 *
 * <pre>{@code
 * Condition vipInvoices = Condition.all(Condition.fromDomain("client.example"),
 *     new Condition.Subject(TextMatch.contains("invoice")), Condition.not(new Condition.Spam(true)));
 * }</pre>
 */
public sealed interface Condition {
  /** Every one of {@code conditions} holds (an empty list always holds). */
  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  /** At least one of {@code conditions} holds (an empty list never holds). */
  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }
  }

  /** {@code condition} does not hold. */
  record Not(Condition condition) implements Condition {
    public Not {
      requireNonNull(condition, "condition");
    }
  }

  /** The sender's address is one of {@code addresses}. */
  record From(List<String> addresses) implements Condition {
    public From {
      addresses = lowerCase(addresses, "address");
    }
  }

  /** The sender's domain is one of {@code domains} or a subdomain of one. */
  record FromDomain(List<String> domains) implements Condition {
    public FromDomain {
      domains = lowerCase(domains, "domain");
    }
  }

  /** The header fields a {@link Recipient} condition looks at. */
  enum RecipientField {
    TO("to"),
    CC("cc"),
    DELIVERED_TO("deliveredTo"),
    /** To, Cc or Delivered-To. */
    ANY("recipient");

    private final String json;

    RecipientField(String json) {
      this.json = json;
    }

    /** The JSON field name of the condition. */
    public String json() {
      return json;
    }
  }

  /** One of the message's recipients in {@code field} is one of {@code addresses}. */
  record Recipient(RecipientField field, List<String> addresses) implements Condition {
    public Recipient {
      requireNonNull(field, "field");
      addresses = lowerCase(addresses, "address");
    }
  }

  /** The subject matches. */
  record Subject(TextMatch match) implements Condition {
    public Subject {
      requireNonNull(match, "match");
    }
  }

  /** The plain-text body (or, without one, the text of the HTML body) matches. */
  record Body(TextMatch match) implements Condition {
    public Body {
      requireNonNull(match, "match");
    }
  }

  /** A header named {@code name} is present ({@code match} null) or one with that name matches. */
  record Header(String name, @Nullable TextMatch match) implements Condition {
    public Header {
      requireNonNull(name, "name");
      if (!name.matches("[!-9;-~]{1,100}")) {
        throw new InvalidInputException("not a header name: '" + name + "'");
      }
    }
  }

  /** The message has (or has not) at least one attachment that is not an inline image. */
  record HasAttachment(boolean present) implements Condition {}

  /** One attachment's file name matches. */
  record AttachmentName(TextMatch match) implements Condition {
    public AttachmentName {
      requireNonNull(match, "match");
    }
  }

  /** One attachment's MIME type is one of {@code types}; {@code image/*} matches every image. */
  record AttachmentType(List<String> types) implements Condition {
    public AttachmentType {
      types = lowerCase(types, "type");
      for (String t : types) {
        if (!t.matches("[a-z0-9!#$&^_.+-]+/([a-z0-9!#$&^_.+-]+|\\*)")) {
          throw new InvalidInputException("not a MIME type: '" + t + "'");
        }
      }
    }
  }

  /** The raw message is at least {@code min} and at most {@code max} bytes (either may be absent). */
  record Size(@Nullable Long min, @Nullable Long max) implements Condition {
    public Size {
      if (min == null && max == null) {
        throw new InvalidInputException("needs min or max");
      }
      if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
        throw new InvalidInputException("needs 0 <= min <= max, was " + min + ".." + max);
      }
    }
  }

  /**
   * The message was received on one of {@code days} between {@code from} (inclusive) and {@code to} (exclusive), in
   * {@code zone} (null: the engine's default zone).
   */
  record BusinessHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, @Nullable ZoneId zone)
      implements Condition {
    /** Monday to Friday. */
    public static final Set<DayOfWeek> WORKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    public static final LocalTime DEFAULT_FROM = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_TO = LocalTime.of(17, 0);

    public BusinessHours {
      days = Set.copyOf(days);
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (days.isEmpty()) {
        throw new InvalidInputException("needs at least one day");
      }
      if (!from.isBefore(to)) {
        throw new InvalidInputException("'from' must be before 'to', was " + from + ".." + to);
      }
    }
  }

  /** The message was received on one of {@code days} in {@code zone} (null: the engine's default zone). */
  record Weekday(Set<DayOfWeek> days, @Nullable ZoneId zone) implements Condition {
    public Weekday {
      days = Set.copyOf(days);
      if (days.isEmpty()) {
        throw new InvalidInputException("needs at least one day");
      }
    }
  }

  /** The message declares one of {@code charsets} in its top-level Content-Type. */
  record Charset(List<String> charsets) implements Condition {
    public Charset {
      charsets = lowerCase(charsets, "charset");
    }
  }

  /**
   * The message's language is one of {@code languages} (ISO 639-1: {@code de}, {@code en}): from its
   * Content-Language header, else guessed from common words of subject and body (en, de, fr, es, it, nl, pl, pt).
   */
  record Language(List<String> languages) implements Condition {
    public Language {
      languages = lowerCase(languages, "language");
    }
  }

  /** A spam filter flagged the message ({@code X-Spam-Flag: YES} or {@code X-Spam-Status: Yes}) — or did not. */
  record Spam(boolean spam) implements Condition {}

  /** The message continues an existing conversation — or starts a new one. */
  record Reply(boolean reply) implements Condition {}

  /** The host's {@link Directory} knows the sender as a contact — or does not. */
  record KnownContact(boolean known) implements Condition {}

  static Condition all(Condition... conditions) {
    return new All(List.of(conditions));
  }

  static Condition any(Condition... conditions) {
    return new Any(List.of(conditions));
  }

  static Condition not(Condition condition) {
    return new Not(condition);
  }

  static Condition from(String... addresses) {
    return new From(List.of(addresses));
  }

  static Condition fromDomain(String... domains) {
    return new FromDomain(List.of(domains));
  }

  private static List<String> lowerCase(List<String> values, String what) {
    if (values.isEmpty()) {
      throw new InvalidInputException("needs at least one " + what);
    }
    return values.stream().map(v -> {
      String t = requireNonNull(v, what).strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty() || t.length() > 320) {
        throw new InvalidInputException("not a valid " + what + ": '" + v + "'");
      }
      return t;
    }).distinct().toList();
  }
}
