package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MessageParser} read from one raw message. Lists are immutable and never null.
 *
 * <pre>{@code
 * ParsedMessage m = new MessageParser(ParseLimits.DEFAULTS).parse(in);
 * boolean auto = m.header("Auto-Submitted").filter(v -> !v.equalsIgnoreCase("no")).isPresent();
 * }</pre>
 *
 * @param messageId the first Message-ID without angle brackets
 * @param inReplyTo the first msg-id of In-Reply-To
 * @param references the msg-ids of References in order, without duplicates, the last 100 at most
 * @param subject the decoded subject, "" when there is none
 * @param from the first mailbox of From
 * @param sender the first mailbox of Sender
 * @param replyTo Reply-To mailboxes
 * @param to To mailboxes (every To header)
 * @param cc Cc mailboxes (every Cc header)
 * @param deliveredTo Delivered-To and X-Original-To mailboxes, without duplicates
 * @param date the Date header, or null when absent or unreadable
 * @param returnPath the Return-Path address, "" for the null path {@code <>}, null when absent
 * @param headers every top-level header in order, up to {@link ParseLimits#maxHeaders()}
 * @param text the text/plain body (line ends normalised to \n), "" when there is none
 * @param textTruncated whether {@code text} was cut at {@link ParseLimits#maxTextChars()}
 * @param html the text/html body as sent (not sanitised), or null when there is none
 * @param htmlTruncated whether {@code html} was cut at {@link ParseLimits#maxHtmlChars()}
 * @param attachments every leaf part that is not the body, and attached messages, in document order
 * @param problems what was wrong with the message and how it was read anyway; empty for clean mail
 * @param rawSize the number of bytes read
 */
public record ParsedMessage(@Nullable String messageId, @Nullable String inReplyTo, List<String> references,
    String subject, @Nullable Address from, @Nullable Address sender, List<Address> replyTo, List<Address> to,
    List<Address> cc, List<Address> deliveredTo, @Nullable Instant date, @Nullable String returnPath,
    List<Header> headers, String text, boolean textTruncated, @Nullable String html, boolean htmlTruncated,
    List<AttachmentInfo> attachments, List<String> problems, long rawSize) {
  public ParsedMessage {
    references = List.copyOf(requireNonNull(references, "references"));
    requireNonNull(subject, "subject");
    replyTo = List.copyOf(requireNonNull(replyTo, "replyTo"));
    to = List.copyOf(requireNonNull(to, "to"));
    cc = List.copyOf(requireNonNull(cc, "cc"));
    deliveredTo = List.copyOf(requireNonNull(deliveredTo, "deliveredTo"));
    headers = List.copyOf(requireNonNull(headers, "headers"));
    requireNonNull(text, "text");
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
    problems = List.copyOf(requireNonNull(problems, "problems"));
  }

  /** The value of the first header with this name, ignoring case. */
  public Optional<String> header(String name) {
    requireNonNull(name, "name");
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }

  /** The values of every header with this name, ignoring case, in order. */
  public List<String> headers(String name) {
    requireNonNull(name, "name");
    String wanted = name.toLowerCase(Locale.ROOT);
    return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(wanted)).map(Header::value)
        .toList();
  }

  /** Whether any part was listed as an attachment (inline images and attached messages count). */
  public boolean hasAttachments() {
    return !attachments.isEmpty();
  }

  /** Whether the text or the html body was cut at its limit. */
  public boolean truncated() {
    return textTruncated || htmlTruncated;
  }
}
