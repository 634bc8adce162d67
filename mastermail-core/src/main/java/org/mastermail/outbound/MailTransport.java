package org.mastermail.outbound;

import java.io.IOException;
import java.io.InputStream;

/**
 * How mail leaves: hands fixed MIME bytes to a server. {@code mastermail-imap} provides SMTP; a host may add others
 * (an HTTP mail API). Implementations are shared by the dispatcher's threads and must be thread-safe; they must bound
 * every network operation with a timeout.
 *
 * <pre>{@code
 * MasterMail mm = MasterMail.builder()
 *     .storage(storage)
 *     .transport(SmtpTransport.of(SmtpSettings.builder("smtp.acme.example", 587).starttls()
 *         .credentials("info@acme.example", Credentials.password(secret)).build()))
 *     .build();
 * }</pre>
 */
public interface MailTransport extends AutoCloseable {
  /**
   * Sends the bytes {@code mime} opens, unchanged, to the envelope's recipients.
   *
   * @throws TransportException when the server refused the message ({@link TransportException#permanent()} for a 5xx
   *     reply) or could not be reached (transient)
   */
  void send(Envelope envelope, MimeSource mime);

  /** Releases connections kept open between messages. */
  @Override
  default void close() {}

  /** Opens the message's bytes; may be called again for a retry. */
  @FunctionalInterface
  interface MimeSource {
    InputStream open() throws IOException;
  }
}
