package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A leaf part that is not the displayed body, or an attached message.
 *
 * @param partPath the part's position, IMAP style ("1", "2.1"); parsing the same bytes again gives the same path
 * @param filename decoded file name without directories, or null when the part names none
 * @param contentType lower-case MIME type; application/octet-stream when none was declared or it was invalid
 * @param contentId the Content-ID without angle brackets, or null
 * @param inline true when the part asked to be shown inline (disposition inline, or no disposition and a
 *     Content-ID)
 * @param size the number of decoded bytes
 * @param sha256 lowercase hex SHA-256 of the decoded bytes
 */
public record AttachmentInfo(String partPath, @Nullable String filename, String contentType,
    @Nullable String contentId, boolean inline, long size, String sha256) {
  public AttachmentInfo {
    requireNonNull(partPath, "partPath");
    requireNonNull(contentType, "contentType");
    requireNonNull(sha256, "sha256");
  }
}
