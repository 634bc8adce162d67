package org.mastermail.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.mastermail.outbound.OutboundId;

/** The position after which a page of outbound mail starts: the last row's {@code updatedAt} and id. */
public record OutboundKeyset(Instant updatedAt, OutboundId id) {
  public OutboundKeyset {
    requireNonNull(updatedAt, "updatedAt");
    requireNonNull(id, "id");
  }
}
