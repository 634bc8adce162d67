package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A mailbox from an address header.
 *
 * @param address {@code local@domain}, the local part as written and the domain in lower case
 * @param name the decoded display name, or null when there is none
 */
public record Address(String address, @Nullable String name) {
  public Address {
    requireNonNull(address, "address");
  }
}
