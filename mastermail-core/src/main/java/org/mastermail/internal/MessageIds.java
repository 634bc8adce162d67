package org.mastermail.internal;

import org.jspecify.annotations.Nullable;

/** Message-ID header values as stored: without angle brackets, bounded so that an index can hold them. */
final class MessageIds {
  /** The longest Message-ID kept for threading; longer ones (never seen from honest mailers) are dropped. */
  static final int MAX_LENGTH = 1000;

  private MessageIds() {}

  /** {@code id} when it is usable as a threading key, else null. */
  static @Nullable String usable(@Nullable String id) {
    if (id == null || id.isBlank() || id.length() > MAX_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return id;
  }
}
