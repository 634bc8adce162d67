package org.mastermail.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;

/**
 * A shared mailbox's unassigned (NA) conversations that are not closed, as the unassigned view shows them.
 *
 * @param oldest the age of the oldest of them (since it was created), null when there are none
 */
public record MailboxBacklog(MailboxId mailbox, String address, long unassigned, @Nullable Duration oldest) {
  public MailboxBacklog {
    requireNonNull(mailbox, "mailbox");
    requireNonNull(address, "address");
  }

  public Optional<Duration> oldestIfAny() {
    return Optional.ofNullable(oldest);
  }
}
