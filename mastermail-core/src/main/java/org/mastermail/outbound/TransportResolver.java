package org.mastermail.outbound;

import java.util.Optional;
import org.mastermail.mailbox.Mailbox;

/**
 * Which transport sends a mailbox's mail: each mailbox may have its own SMTP account. Install with
 * {@code MasterMail.builder().transports(...)}; a single transport for everything with {@code .transport(...)}.
 */
@FunctionalInterface
public interface TransportResolver {
  /** The transport for {@code mailbox}, or empty when the mailbox cannot send (its mail then fails, saying so). */
  Optional<MailTransport> forMailbox(Mailbox mailbox);
}
