package org.mastermail.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * What the host product knows about people (SPI): its contacts and their account managers, teams, and who is away
 * with which deputy. Every method has a default that knows nothing, so a host implements only what it has.
 *
 * <p>The engine calls it while routing, inside the archiving transaction: answer from memory or a fast lookup.
 *
 * <pre>{@code
 * Directory crm = new Directory() {
 *   public Optional<Contact> contact(TenantId tenant, String address) {
 *     return contacts.byEmail(address).map(c -> new Contact(address, c.name(), EntityRef.of("contact", c.id()),
 *         c.accountManagerUserId()));
 *   }
 * };
 * }</pre>
 */
public interface Directory {
  /** Knows nothing: no contacts, no teams, nobody away. */
  Directory NONE = new Directory() {};

  /** The host's contact with this address (lower-case), if any. */
  default Optional<Contact> contact(TenantId tenant, String address) {
    return Optional.empty();
  }

  /** The members of the host-defined team {@code team}, in a stable order (round-robin follows it). */
  default List<UserId> team(TenantId tenant, String team) {
    return List.of();
  }

  /** Whether {@code user} is away at {@code at}, until when, and who stands in. */
  default Optional<Absence> absence(TenantId tenant, UserId user, Instant at) {
    return Optional.empty();
  }
}
