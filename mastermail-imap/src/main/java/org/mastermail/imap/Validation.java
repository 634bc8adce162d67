package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.mastermail.InvalidInputException;

/** Checks the settings of both sources share. */
final class Validation {
  private Validation() {}

  static void server(String host, int port, String username) {
    requireNonNull(host, "host");
    requireNonNull(username, "username");
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
      throw new InvalidInputException("a server host name without spaces is needed, was '" + host + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new InvalidInputException("a port lies between 1 and 65535, was " + port);
    }
    if (username.isEmpty() || username.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("a user name without control characters is needed");
    }
  }

  static void timeout(String name, Duration value) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new InvalidInputException(name + " must be positive and below 24 days, was " + value);
    }
  }
}
