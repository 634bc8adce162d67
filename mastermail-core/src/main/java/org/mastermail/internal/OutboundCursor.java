package org.mastermail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.mastermail.InvalidInputException;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.storage.OutboundKeyset;

/** Opaque page cursors of outbound listings: the last row's change time and id. */
final class OutboundCursor {
  private OutboundCursor() {}

  static String encode(OutboundMessage last) {
    Instant at = last.updatedAt();
    String text = "o1:" + at.getEpochSecond() + ":" + at.getNano() + ":" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static OutboundKeyset decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      if (parts.length != 4 || !parts[0].equals("o1")) {
        throw new IllegalArgumentException("unknown form");
      }
      return new OutboundKeyset(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
          new OutboundId(UUID.fromString(parts[3])));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("not a cursor of an outbound listing: '" + cursor + "'", e);
    }
  }
}
