package org.mastermail.testkit.contract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Raw RFC 5322 messages for tests, built as text with CRLF line ends. */
public final class Mails {
  private final StringBuilder headers = new StringBuilder();
  private String body = "Hello,\r\nplease see below.\r\n";
  private byte @Nullable [] attachment;
  private String attachmentName = "file.bin";
  private String messageId = "";

  private Mails(String from, String to, String subject) {
    header("From", from);
    header("To", to);
    header("Subject", subject);
    header("Date", "Mon, 16 Nov 2026 09:30:00 +0100");
    header("MIME-Version", "1.0");
  }

  /** A message from {@code from} to {@code to} with a unique Message-ID. */
  public static Mails from(String from, String to, String subject) {
    return new Mails(from, to, subject).messageId(UUID.randomUUID() + "@test.example");
  }

  /** Sets the Message-ID (replacing the generated one). */
  public Mails messageId(String id) {
    this.messageId = id;
    return this;
  }

  public Mails inReplyTo(String id) {
    return header("In-Reply-To", "<" + id + ">");
  }

  public Mails references(String... ids) {
    StringBuilder value = new StringBuilder();
    for (String id : ids) {
      value.append(value.length() == 0 ? "" : " ").append('<').append(id).append('>');
    }
    return header("References", value.toString());
  }

  public Mails header(String name, String value) {
    headers.append(name).append(": ").append(value).append("\r\n");
    return this;
  }

  public Mails body(String text) {
    this.body = text.replace("\r\n", "\n").replace("\n", "\r\n");
    return this;
  }

  /** Adds one base64 attachment (76-character lines, as mail clients write them). */
  public Mails attach(String name, byte[] content) {
    this.attachmentName = name;
    this.attachment = content.clone();
    return this;
  }

  public byte[] bytes() {
    StringBuilder out = new StringBuilder("Message-ID: <" + messageId + ">\r\n").append(headers);
    if (attachment == null) {
      out.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(body);
    } else {
      String boundary = "b-" + UUID.randomUUID();
      out.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
          .append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(body)
          .append("--").append(boundary).append("\r\nContent-Type: application/octet-stream; name=\"")
          .append(attachmentName).append("\"\r\nContent-Disposition: attachment; filename=\"").append(attachmentName)
          .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
          .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment))
          .append("\r\n--").append(boundary).append("--\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
