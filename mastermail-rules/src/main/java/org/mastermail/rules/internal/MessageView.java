package org.mastermail.rules.internal;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rules.Condition;
import org.mastermail.rules.Contact;
import org.mastermail.rules.Directory;

/** An incoming message as conditions read it, with the derived values worked out once and only when asked for. */
final class MessageView {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final Pattern TAG = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]*>");

  final IncomingMessage message;
  private final Directory directory;
  private final HostCalls host;
  private final ZoneId defaultZone;
  private final String from;
  private @Nullable String body;
  private @Nullable FieldText subjectText;
  private @Nullable FieldText bodyText;
  private @Nullable List<String> domainSuffixes;
  private final Map<Condition.RecipientField, List<String>> recipients = new EnumMap<>(Condition.RecipientField.class);
  private @Nullable String language;
  private @Nullable Optional<Contact> contact;

  MessageView(IncomingMessage message, Directory directory, ZoneId defaultZone, HostCalls host) {
    this.message = message;
    this.directory = directory;
    this.host = host;
    this.defaultZone = defaultZone;
    this.from = message.from().toLowerCase(Locale.ROOT);
  }

  String from() {
    return from;
  }

  String domain() {
    return message.fromDomain();
  }

  /** The sender's domain and each domain above it ({@code mail.client.example}, {@code client.example}, {@code example}). */
  List<String> domainSuffixes() {
    List<String> suffixes = domainSuffixes;
    if (suffixes == null) {
      List<String> list = new ArrayList<>(4);
      String d = domain();
      while (!d.isEmpty()) {
        list.add(d);
        int dot = d.indexOf('.');
        d = dot < 0 ? "" : d.substring(dot + 1);
      }
      suffixes = List.copyOf(list);
      domainSuffixes = suffixes;
    }
    return suffixes;
  }

  /** The addresses in {@code field}, lower-case; worked out once per field, as every recipient rule asks again. */
  List<String> recipients(Condition.RecipientField field) {
    List<String> cached = recipients.get(field);
    if (cached == null) {
      cached = switch (field) {
        case TO -> lower(message.to());
        case CC -> lower(message.cc());
        case DELIVERED_TO -> lower(message.deliveredTo());
        default -> {
          List<String> all = new ArrayList<>(recipients(Condition.RecipientField.TO));
          all.addAll(recipients(Condition.RecipientField.CC));
          all.addAll(recipients(Condition.RecipientField.DELIVERED_TO));
          yield List.copyOf(all);
        }
      };
      recipients.put(field, cached);
    }
    return cached;
  }

  private static List<String> lower(List<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    String[] lower = new String[values.size()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = values.get(i).toLowerCase(Locale.ROOT);
    }
    return List.of(lower);
  }

  String subject() {
    return message.subject();
  }

  /** The subject as conditions compare it. */
  FieldText subjectText() {
    FieldText t = subjectText;
    if (t == null) {
      t = new FieldText(subject());
      subjectText = t;
    }
    return t;
  }

  /** {@link #body()} as conditions compare it. */
  FieldText bodyText() {
    FieldText t = bodyText;
    if (t == null) {
      t = new FieldText(body());
      bodyText = t;
    }
    return t;
  }

  /** The plain-text body, or the text of the HTML body when there is no plain one. */
  String body() {
    if (body == null) {
      String text = message.text();
      if (text.isBlank() && message.html() != null) {
        text = TAG.matcher(message.html()).replaceAll(" ").replace("&nbsp;", " ");
      }
      body = text;
    }
    return body;
  }

  ZonedDateTime received(@Nullable ZoneId zone) {
    return message.receivedAt().atZone(zone == null ? defaultZone : zone);
  }

  /** The charset of the top-level Content-Type, lower-case, or "". */
  String charset() {
    String type = message.header("Content-Type").orElse("");
    Matcher m = CHARSET.matcher(type);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  /** The primary subtag of Content-Language, else a guess from subject and body, or "". */
  String language() {
    if (language == null) {
      String declared = message.header("Content-Language").orElse("").strip().toLowerCase(Locale.ROOT);
      if (!declared.isEmpty()) {
        language = declared.split("[-,;\\s]", 2)[0];
      } else {
        language = Languages.guess(message.subject() + "\n" + body());
      }
    }
    return language;
  }

  boolean spam() {
    return message.headers("X-Spam-Flag").stream().anyMatch(v -> v.strip().equalsIgnoreCase("yes"))
        || message.headers("X-Spam-Status").stream().anyMatch(v -> v.strip().toLowerCase(Locale.ROOT)
            .startsWith("yes"));
  }

  Optional<Contact> contact() {
    Optional<Contact> known = contact;
    if (known == null) {
      known = from.isEmpty() ? Optional.empty()
          : host.call("directory.contact(" + from + ")", () -> directory.contact(message.tenant(), from),
              Optional.empty());
      contact = known;
    }
    return known;
  }
}
