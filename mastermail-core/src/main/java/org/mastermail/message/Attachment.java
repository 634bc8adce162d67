package org.mastermail.message;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;

/**
 * A file attached to (or embedded in) an archived message.
 *
 * @param index position among the message's attachments, from 0
 * @param partPath where the part sits in the MIME tree ({@code "2"}, {@code "1.2"}), 1-based
 * @param filename the decoded file name, or null when the part has none
 * @param contentType the lower-case MIME type
 * @param size decoded size in bytes
 * @param sha256 the SHA-256 of the decoded bytes: the blob holding the file when {@code stored}
 * @param stored whether the decoded file is a blob of its own (otherwise it is read from the raw message)
 * @param inline whether the part is shown inline (an embedded image) rather than offered as a download
 * @param contentId the part's Content-ID without angle brackets, or null
 */
public record Attachment(int index, String partPath, @Nullable String filename, String contentType, long size,
    BlobId sha256, boolean stored, boolean inline, @Nullable String contentId) {
  public Attachment {
    requireNonNull(partPath, "partPath");
    requireNonNull(contentType, "contentType");
    requireNonNull(sha256, "sha256");
    if (index < 0 || size < 0) {
      throw new IllegalArgumentException("index and size must not be negative");
    }
  }
}
