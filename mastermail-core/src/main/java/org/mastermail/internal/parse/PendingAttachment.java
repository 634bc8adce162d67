package org.mastermail.internal.parse;

import org.jspecify.annotations.Nullable;

/**
 * An attachment whose size and hash are known only once its bytes have streamed past; an attached message is
 * listed before the parts inside it, so its entry waits here until they have been read.
 */
final class PendingAttachment {
  private static final String MESSAGE_FALLBACK_NAME = "message";

  private final String path;
  private @Nullable String filename;
  private final String contentType;
  private final @Nullable String contentId;
  private final boolean inline;
  private long size;
  private @Nullable String sha256;

  PendingAttachment(String path, @Nullable String filename, String contentType, @Nullable String contentId,
      boolean inline) {
    this.path = path;
    this.filename = filename;
    this.contentType = contentType;
    this.contentId = contentId;
    this.inline = inline;
  }

  /** Records the decoded size and hash; an attached message without a file name is named after its subject. */
  void complete(long size, String sha256, @Nullable String subject) {
    this.size = size;
    this.sha256 = sha256;
    if (filename == null && contentType.startsWith("message/")) {
      String base = subject == null ? null : PartHeaders.sanitiseFilename(subject.replaceAll("[/\\\\:*?\"<>|]", "_"));
      filename = (base == null ? MESSAGE_FALLBACK_NAME : base) + ".eml";
    }
  }

  AttachmentInfo toInfo() {
    if (sha256 == null) {
      throw new IllegalStateException("attachment " + path + " was listed before its bytes were read");
    }
    return new AttachmentInfo(path, filename, contentType, contentId, inline, size, sha256);
  }
}
