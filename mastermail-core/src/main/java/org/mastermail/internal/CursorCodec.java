package org.mastermail.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.storage.Keyset;

/** Turns a keyset position into an opaque cursor string and back; a cursor only fits the view and sort it came from. */
final class CursorCodec {
  private CursorCodec() {}

  static String encode(View view, Sort sort, Keyset keyset) {
    String plain = view.name() + "|" + sort.name() + "|" + keyset.key().getEpochSecond() + "|"
        + keyset.key().getNano() + "|" + keyset.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static Keyset decode(View view, Sort sort, String cursor) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("cursor is malformed: '" + cursor + "'", e);
    }
    if (parts.length != 5) {
      throw new InvalidInputException("cursor is malformed: '" + cursor + "'");
    }
    if (!parts[0].equals(view.name()) || !parts[1].equals(sort.name())) {
      throw new InvalidInputException("cursor belongs to view " + parts[0] + " sorted " + parts[1]
          + ", not to view " + view + " sorted " + sort);
    }
    try {
      Instant key = Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
      return new Keyset(key, ConversationId.of(parts[4]));
    } catch (RuntimeException e) {
      throw new InvalidInputException("cursor is malformed: '" + cursor + "'", e);
    }
  }
}
