package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.mastermail.InvalidInputException;

/** Checks the settings of the sources and the transport share; each message names the setting at fault. */
final class Validation {
  private Validation() {}

  static void server(String host, int port, String username) {
    host(host);
    port(port);
    username(username);
  }

  static void host(String host) {
    requireNonNull(host, "host");
    if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ')) {
      throw new InvalidInputException("host must be a server host name without spaces, was '" + host + "'");
    }
  }

  static void port(int port) {
    if (port < 1 || port > 65_535) {
      throw new InvalidInputException("port must lie between 1 and 65535, was " + port);
    }
  }

  static void username(String username) {
    requireNonNull(username, "username");
    if (username.isEmpty() || username.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("username must not be empty or hold control characters");
    }
  }

  static void timeout(String name, Duration value) {
    requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new InvalidInputException(name + " must be positive and below 24 days, was " + value);
    }
  }
}
