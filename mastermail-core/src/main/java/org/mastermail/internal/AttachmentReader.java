package org.mastermail.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;

/**
 * Reads one part of a raw message by its IMAP-style path ({@code "2"}, {@code "1.2"}), decoded. Used for attachments
 * that were not stored as blobs of their own (their encoding could not be reproduced byte for byte); the raw message
 * is spooled to a file so that a large one is not held in memory.
 */
final class AttachmentReader {
  private static final Session SESSION = Session.getInstance(lenient());

  private AttachmentReader() {}

  static InputStream read(InputStream raw, String partPath) throws IOException {
    Path file = Files.createTempFile("mastermail-part-", ".eml");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        raw.transferTo(out);
      }
      Path decoded = Files.createTempFile("mastermail-part-", ".bin");
      try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
        Part part = find(new MimeMessage(SESSION, in), partPath);
        try (InputStream body = part.getInputStream(); OutputStream out = Files.newOutputStream(decoded)) {
          body.transferTo(out);
        }
        return new DeletingInputStream(decoded);
      } catch (MessagingException e) {
        Files.deleteIfExists(decoded);
        throw new MasterMailException("cannot read part " + partPath + ": " + e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(decoded);
        throw e;
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Part find(MimeMessage message, String partPath) throws MessagingException, IOException {
    Part current = message;
    for (String step : partPath.split("\\.")) {
      int index;
      try {
        index = Integer.parseInt(step);
      } catch (NumberFormatException e) {
        throw new NotFoundException("no part " + partPath);
      }
      if (current.isMimeType("message/rfc822")) {
        Object inner = current.getContent();
        if (!(inner instanceof MimeMessage)) {
          throw new NotFoundException("no part " + partPath);
        }
        current = (MimeMessage) inner;
      }
      if (current.isMimeType("multipart/*")) {
        Object content = current.getContent();
        if (!(content instanceof Multipart) || index < 1 || index > ((Multipart) content).getCount()) {
          throw new NotFoundException("no part " + partPath);
        }
        BodyPart child = ((Multipart) content).getBodyPart(index - 1);
        current = child;
      } else if (index != 1) {
        throw new NotFoundException("no part " + partPath);
      }
    }
    return current;
  }

  private static Properties lenient() {
    Properties p = new Properties();
    p.setProperty("mail.mime.address.strict", "false");
    p.setProperty("mail.mime.decodetext.strict", "false");
    p.setProperty("mail.mime.base64.ignoreerrors", "true");
    p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
    p.setProperty("mail.mime.multipart.allowempty", "true");
    p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    p.setProperty("mail.mime.parameters.strict", "false");
    return p;
  }

  /** A decoded part in a temporary file, deleted when the caller closes the stream. */
  private static final class DeletingInputStream extends FilterInputStream {
    private final Path file;

    DeletingInputStream(Path file) throws IOException {
      super(Files.newInputStream(file));
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
