package org.mastermail.message;

import static java.util.Objects.requireNonNull;

/** One header of a message, its value decoded (RFC 2047) and unfolded. */
public record Header(String name, String value) {
  public Header {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
  }
}
