package org.mastermail.internal.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.Field;
import org.jspecify.annotations.Nullable;

/**
 * Collects the outer message's headers: the header list and the fields read from it. Only the top-level header
 * block is fed here, so an attached message cannot override them.
 */
final class Envelope {
  private static final Pattern ANGLE_ADDR = Pattern.compile("<([^<>]*)>");

  private final Problems problems;
  private final HeaderDecoder decoder;
  private final Addresses addresses;
  private final int maxHeaders;

  final List<Header> headers = new ArrayList<>();
  private boolean headersDropped;
  private boolean seenMessageId;
  private boolean seenInReplyTo;
  private boolean seenSubject;
  private boolean seenFrom;
  private boolean seenSender;
  private boolean seenDate;
  @Nullable String messageId;
  @Nullable String inReplyTo;
  private final List<String> references = new ArrayList<>();
  String subject = "";
  @Nullable Address from;
  @Nullable Address sender;
  final List<Address> replyTo = new ArrayList<>();
  final List<Address> to = new ArrayList<>();
  final List<Address> cc = new ArrayList<>();
  private final Map<String, Address> deliveredTo = new LinkedHashMap<>();
  @Nullable Instant date;
  @Nullable String returnPath;

  Envelope(Problems problems, HeaderDecoder decoder, Addresses addresses, int maxHeaders) {
    this.problems = problems;
    this.decoder = decoder;
    this.addresses = addresses;
    this.maxHeaders = maxHeaders;
  }

  void accept(Field field) {
    String name = field.getName().strip();
    String raw = HeaderDecoder.rawValue(field);
    String value = decoder.decode(raw, name);
    if (headers.size() < maxHeaders) {
      headers.add(new Header(name, value));
    } else if (!headersDropped) {
      headersDropped = true;
      problems.add("more than " + maxHeaders + " headers, the rest are not listed");
    }
    switch (name.toLowerCase(Locale.ROOT)) {
      case "message-id" -> {
        if (!seenMessageId) {
          seenMessageId = true;
          messageId = MessageIds.first(raw);
        }
      }
      case "in-reply-to" -> {
        if (!seenInReplyTo) {
          seenInReplyTo = true;
          List<String> ids = MessageIds.all(raw);
          inReplyTo = ids.isEmpty() ? null : ids.get(0);
        }
      }
      case "references" -> references.addAll(MessageIds.all(raw));
      case "subject" -> {
        if (!seenSubject) {
          seenSubject = true;
          subject = value;
        }
      }
      case "from" -> {
        if (!seenFrom) {
          seenFrom = true;
          from = addresses.parseFirst(raw, name);
        }
      }
      case "sender" -> {
        if (!seenSender) {
          seenSender = true;
          sender = addresses.parseFirst(raw, name);
        }
      }
      case "reply-to" -> replyTo.addAll(addresses.parse(raw, name));
      case "to" -> to.addAll(addresses.parse(raw, name));
      case "cc" -> cc.addAll(addresses.parse(raw, name));
      case "delivered-to", "x-original-to" -> addresses.parse(raw, name)
          .forEach(a -> deliveredTo.putIfAbsent(a.address().toLowerCase(Locale.ROOT), a));
      case "date" -> {
        if (!seenDate) {
          seenDate = true;
          date = MailDates.parse(raw);
          if (date == null) {
            problems.add("unreadable Date header \"" + Problems.excerpt(value) + "\" ignored");
          }
        }
      }
      case "return-path" -> {
        if (returnPath == null) {
          returnPath = returnPath(raw);
        }
      }
      default -> {
        // listed above; routing rules read it from there
      }
    }
  }

  List<String> references() {
    return MessageIds.references(references);
  }

  List<Address> deliveredTo() {
    return List.copyOf(deliveredTo.values());
  }

  // Return-Path holds one angle-addr; <> is the null reverse-path of bounces and auto-replies.
  private static String returnPath(String raw) {
    Matcher m = ANGLE_ADDR.matcher(raw);
    String path = m.find() ? m.group(1) : raw;
    return Addresses.normalise(path.replaceAll("\\s+", ""));
  }
}
