package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP envelope of one message: who it is from ({@code MAIL FROM}) and to whom it goes ({@code RCPT TO}), which
 * includes Bcc recipients that the headers never show.
 *
 * @param sender the envelope sender, or null for the null sender {@code <>} (auto-replies, so that nothing answers
 *     them)
 * @param recipients bare addresses, at least one
 */
public record Envelope(@Nullable String sender, List<String> recipients) {
  public Envelope {
    recipients = List.copyOf(requireNonNull(recipients, "recipients"));
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("an envelope needs at least one recipient");
    }
  }
}
