package org.mastermail.jdbc.internal;

import java.util.Comparator;
import java.util.UUID;

/** UUID order as the databases keep it. */
final class Uuids {
  /**
   * Unsigned bytes: the order of PostgreSQL's {@code uuid}, of H2's {@code UUID} and of the lower-case text form,
   * unlike {@link UUID#compareTo}, which compares signed longs.
   */
  static final Comparator<UUID> UNSIGNED = (a, b) -> {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  };

  private Uuids() {}
}
