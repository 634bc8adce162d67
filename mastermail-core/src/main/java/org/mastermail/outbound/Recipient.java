package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a bulk send: their address, the data their copy of the template is filled from, and files of
 * their own (their rent notice as a PDF).
 */
public record Recipient(String address, @Nullable String name, Map<String, ?> data, List<AttachmentSource> attachments) {
  public Recipient {
    requireNonNull(address, "address");
    data = Map.copyOf(requireNonNull(data, "data"));
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
  }

  public static Recipient of(String address, Map<String, ?> data) {
    return new Recipient(address, null, data, List.of());
  }

  /** This recipient with one more file. */
  public Recipient attach(AttachmentSource file) {
    List<AttachmentSource> more = new java.util.ArrayList<>(attachments);
    more.add(file);
    return new Recipient(address, name, data, more);
  }
}
