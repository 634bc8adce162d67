package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an outbound message says and to whom: everything its MIME bytes are made from. Addresses are bare and
 * lower-case ({@code anna@acme.example}); display names are separate.
 *
 * @param from the sending mailbox's address
 * @param fromName the display name shown with {@code from}, or null
 * @param replyTo where replies should go, or null for {@code from}
 * @param inReplyTo the Message-ID answered, without angle brackets, or null
 * @param references the thread's Message-IDs, oldest first, without angle brackets
 * @param autoSubmitted sent by the system, not a person ({@code Auto-Submitted: auto-replied}, null envelope sender)
 */
public record Letter(String from, @Nullable String fromName, @Nullable String replyTo, List<String> to,
    List<String> cc, List<String> bcc, String subject, String text, @Nullable String html,
    @Nullable String inReplyTo, List<String> references, List<OutboundAttachment> attachments,
    boolean autoSubmitted) {
  public Letter {
    requireNonNull(from, "from");
    to = List.copyOf(requireNonNull(to, "to"));
    cc = List.copyOf(requireNonNull(cc, "cc"));
    bcc = List.copyOf(requireNonNull(bcc, "bcc"));
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    references = List.copyOf(requireNonNull(references, "references"));
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
  }

  /** Every recipient: to, cc and bcc. */
  public List<String> recipients() {
    return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).distinct().toList();
  }
}
