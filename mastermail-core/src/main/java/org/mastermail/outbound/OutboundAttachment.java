package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import org.mastermail.blob.BlobId;

/**
 * A file attached to an outbound message, kept as a blob (so forwarding a stored attachment does not copy it).
 *
 * @param name the file name shown to the recipient
 * @param contentType the MIME type, for example {@code application/pdf}
 * @param blob the blob holding the file's bytes
 * @param size the file's size in bytes
 */
public record OutboundAttachment(String name, String contentType, BlobId blob, long size) {
  public OutboundAttachment {
    requireNonNull(name, "name");
    requireNonNull(contentType, "contentType");
    requireNonNull(blob, "blob");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}
