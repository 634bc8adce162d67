package org.mastermail.outbound;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

  /**
   * A transport per mailbox address (as the mailbox stores it, lower-case), for example from a config file:
   * {@code TransportResolver.byAddress(Map.of("info@acme.example", infoSmtp))}. Other mailboxes get none.
   */
  static TransportResolver byAddress(Map<String, ? extends MailTransport> transports) {
    Map<String, MailTransport> copy = new HashMap<>();
    transports.forEach((address, transport) -> copy.put(address.strip().toLowerCase(Locale.ROOT),
        java.util.Objects.requireNonNull(transport, "transport of " + address)));
    return mailbox -> Optional.ofNullable(copy.get(mailbox.address()));
  }
}
