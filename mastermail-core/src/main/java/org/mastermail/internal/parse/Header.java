package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

/**
 * One top-level header field as it appeared in the message.
 *
 * @param name the field name as written (case preserved)
 * @param value the value unfolded, RFC 2047 decoded, control characters removed and capped in length
 */
public record Header(String name, String value) {
  public Header {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
  }
}
