package org.mastermail.internal.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the scanner needs from a part's header: its media type, the multipart boundary, the transfer encoding and
 * whether it is an attachment. Values it cannot parse fall back to the RFC 2045 defaults, never to an error.
 */
record PartHeaders(String mediaType, @Nullable String boundary, String encoding, boolean attachment) {
  /** RFC 2046 limits boundaries to 70 characters; longer ones are treated as garbage. */
  static final int MAX_BOUNDARY = 200;

  static PartHeaders of(@Nullable String contentType, @Nullable String transferEncoding,
      @Nullable String disposition, boolean digestParent) {
    String mediaType = digestParent ? "message/rfc822" : "text/plain";
    String boundary = null;
    if (contentType != null) {
      try {
        ContentType parsed = new ContentType(contentType);
        mediaType = (parsed.getPrimaryType() + "/" + parsed.getSubType()).toLowerCase(Locale.ROOT);
        boundary = validBoundary(parsed.getParameter("boundary"));
      } catch (MessagingException | RuntimeException e) {
        // Garbage in a header must not stop the scan: keep the default type, and the body will stay inline.
        mediaType = "text/plain";
      }
    }
    String encoding = transferEncoding == null ? "7bit" : transferEncoding.trim().toLowerCase(Locale.ROOT);
    boolean attachment = disposition != null && isAttachment(disposition.trim().toLowerCase(Locale.ROOT));
    return new PartHeaders(mediaType, boundary, encoding, attachment);
  }

  private static boolean isAttachment(String disposition) {
    String type = "attachment";
    if (!disposition.startsWith(type)) {
      return false;
    }
    if (disposition.length() == type.length()) {
      return true;
    }
    char next = disposition.charAt(type.length());
    return next == ';' || next == ' ' || next == '\t';
  }

  private static @Nullable String validBoundary(@Nullable String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
      return null;
    }
    for (int i = 0; i < boundary.length(); i++) {
      char c = boundary.charAt(i);
      if (c < 0x20 || c > 0xFF || c == 0x7F) {
        return null;
      }
    }
    return boundary;
  }

  boolean isMultipart() {
    return boundary != null && mediaType.startsWith("multipart/");
  }

  boolean isDigest() {
    return mediaType.equals("multipart/digest");
  }

  /** An encapsulated message whose own structure can be read, that is one not hidden under a transfer encoding. */
  boolean isReadableMessage() {
    return (mediaType.equals("message/rfc822") || mediaType.equals("message/global"))
        && (encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary"));
  }

  boolean isBase64() {
    return encoding.equals("base64");
  }

  /** Whether a large body could be worth storing as it is: attachments, never message text or containers. */
  boolean isAttachmentLike() {
    if (mediaType.startsWith("multipart/") || mediaType.startsWith("message/")) {
      return false;
    }
    return attachment || !mediaType.startsWith("text/");
  }
}
