package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import org.mastermail.message.MessageId;

/** Where a file to attach comes from: a new upload, a file an outbound message already has, or an archived message. */
public sealed interface AttachmentSource {
  /** A new file, stored (once, by content) when the draft is saved. */
  static AttachmentSource upload(String name, String contentType, MailTransport.MimeSource content) {
    return new Upload(name, contentType, content);
  }

  /** A new file from bytes in memory (a generated PDF). */
  static AttachmentSource upload(String name, String contentType, byte[] content) {
    byte[] copy = content.clone();
    return new Upload(name, contentType, () -> new java.io.ByteArrayInputStream(copy));
  }

  /** A file the draft already has (keep it when editing). */
  static AttachmentSource kept(OutboundAttachment attachment) {
    return new Kept(attachment);
  }

  /** Attachment {@code index} of an archived message, forwarded without uploading it again. */
  static AttachmentSource fromMessage(MessageId message, int index) {
    return new FromMessage(message, index);
  }

  /** A new file. */
  record Upload(String name, String contentType, MailTransport.MimeSource content) implements AttachmentSource {
    public Upload {
      requireNonNull(name, "name");
      requireNonNull(contentType, "contentType");
      requireNonNull(content, "content");
    }
  }

  /** A file already stored for outbound mail. */
  record Kept(OutboundAttachment attachment) implements AttachmentSource {
    public Kept {
      requireNonNull(attachment, "attachment");
    }
  }

  /** A file of an archived message. */
  record FromMessage(MessageId message, int index) implements AttachmentSource {
    public FromMessage {
      requireNonNull(message, "message");
    }
  }
}
