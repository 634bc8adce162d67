package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import org.mastermail.imap.internal.FixedMimeMessage;
import org.mastermail.imap.internal.MailProperties;
import org.mastermail.imap.internal.SmtpConnections;
import org.mastermail.imap.internal.SmtpFailures;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over SMTP (submission with STARTTLS, SMTPS, or plain), on Angus Mail:
 *
 * <pre>{@code
 * MailTransport smtp = SmtpTransport.of(SmtpSettings.builder("smtp.acme.example", 587)
 *     .credentials("info@acme.example", Credentials.password(secret))
 *     .build());
 * }</pre>
 *
 * <p><b>The bytes.</b> A message goes out as its source's bytes, unchanged: no header is added or regenerated (its
 * Message-ID and Date stay those fixed at enqueue), no part is re-encoded, a Bcc header is not removed. SMTP itself
 * only doubles a dot at the start of a line (the server removes it again), ends a bare CR or LF as CRLF, and ends the
 * last line. The envelope comes from {@link Envelope}: {@code MAIL FROM:<>} for the null sender, a {@code RCPT TO} per
 * recipient (Bcc included). When the server offers 8BITMIME the message is declared {@code BODY=8BITMIME}.
 *
 * <p><b>Failures.</b> A 5xx reply is permanent, a 4xx reply transient ({@link TransportException#code()} holds it, the
 * message its text); a connection that cannot be opened, times out or breaks is transient with code 0. When a server
 * refuses some recipients, nothing is sent and the worst reply decides (a 550 for one recipient fails the message for
 * good). Nothing is sent without the terminating dot, so a message broken off mid-way is never delivered in part.
 *
 * <p><b>Connections</b> are kept open between messages (up to {@link SmtpSettings#maxIdleConnections()}) and shared
 * by all threads, one message at a time each. An idle one is checked with a NOOP before it is used again; one idle
 * longer than {@link SmtpSettings#maxIdleTime()}, broken, or left by a failed message the server did not RSET is
 * closed, and the next message opens a fresh one. Thread-safe; {@link #close} closes them all.
 */
public final class SmtpTransport implements MailTransport {
  private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);
  /** Angus passes an envelope sender that starts with '<' as it is: {@code MAIL FROM:<>}. */
  private static final String NULL_SENDER = "<>";

  private final SmtpSettings settings;
  private final String name;
  private final Session session;
  private final SmtpConnections connections;

  SmtpTransport(SmtpSettings settings, Clock clock) {
    this.settings = requireNonNull(settings, "settings");
    this.name = "smtp://" + settings.host() + ":" + settings.port();
    Credentials credentials = settings.credentials();
    MailProperties properties = MailProperties.of("smtp", settings.host(), settings.port(), settings.security(),
            settings.connectTimeout(), settings.readTimeout(), settings.writeTimeout(),
            credentials != null && credentials.oauth2())
        .set("auth", Boolean.toString(credentials != null))
        // closing sends QUIT without waiting for the goodbye: a dead connection closes at once
        .set("quitwait", "false");
    if (settings.ehloName() != null) {
      properties.set("localhost", settings.ehloName());
    }
    settings.trust().applyTo(properties);
    this.session = Session.getInstance(properties.properties());
    this.connections = new SmtpConnections(session, settings.host(), settings.port(), settings.username(),
        credentials == null ? null : credentials::secret, settings.maxIdleConnections(), settings.maxIdleTime(),
        settings.maxMessagesPerConnection(), clock, name);
  }

  /** A transport sending through the server of {@code settings}; it connects when the first message is sent. */
  public static SmtpTransport of(SmtpSettings settings) {
    return new SmtpTransport(settings, Clock.systemUTC());
  }

  public SmtpSettings settings() {
    return settings;
  }

  /**
   * Sends the bytes {@code mime} opens to the envelope's recipients.
   *
   * @throws TransportException permanent for a 5xx reply or an address SMTP cannot carry; transient for a 4xx reply,
   *     a connection that failed, bytes that could not be read, or a closed transport
   */
  @Override
  public void send(Envelope envelope, MimeSource mime) {
    requireNonNull(envelope, "envelope");
    requireNonNull(mime, "mime");
    String sender = envelope.sender();
    String from = sender == null ? NULL_SENDER : checked(sender);
    Address[] recipients = envelope.recipients().stream().map(SmtpTransport::address).toArray(Address[]::new);
    SmtpConnections.Connection connection = connections.acquire();
    if (connection.unchecked()) {
      try {
        send(connection, from, recipients, mime);
        return;
      } catch (TransportException e) {
        if (e.code() != 0) {
          throw e;
        }
        // no reply at all on a connection not checked first: the server had closed it meanwhile, so the message
        // did not get through; once more on a connection known to answer
        log.debug("{}: a reused connection had been closed; sending on another", name);
        connection = connections.acquireChecked();
      }
    }
    send(connection, from, recipients, mime);
  }

  /** Sends on {@code connection} and gives it back to the pool (or closes it). */
  private void send(SmtpConnections.Connection connection, String from, Address[] recipients, MimeSource mime) {
    boolean reusable = false;
    try {
      FixedMimeMessage message = new FixedMimeMessage(session, mime, from);
      if (connection.transport().supportsExtension("8BITMIME")) {
        message.setMailExtension("BODY=8BITMIME");
      }
      connection.transport().sendMessage(message, recipients);
      reusable = true;
    } catch (MessagingException e) {
      TransportException failure = SmtpFailures.sending(e, name);
      // after a refusal the session is usable again once the server accepts RSET (Angus sends one too, but ignores
      // the answer); after anything else it is not
      reusable = failure.code() != 0 && connection.reset();
      log.debug("{}: not sent ({} {}): {}", name, failure.permanent() ? "permanent" : "transient", failure.code(),
          failure.getMessage());
      throw failure;
    } finally {
      connections.release(connection, reusable);
    }
  }

  private static Address address(String address) {
    InternetAddress a = new InternetAddress();
    a.setAddress(checked(address)); // not parsed: the address is sent as it is
    return a;
  }

  /** An envelope address must not break the SMTP command it goes in. */
  private static String checked(String address) {
    boolean fits = !address.isEmpty() && address.chars().allMatch(c -> c > ' ' && c <= '~' && c != '<' && c != '>');
    if (!fits) {
      String shown = address.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      throw new TransportException("'" + shown + "' cannot go in an SMTP envelope: an address of printable ASCII"
          + " without spaces or angle brackets is needed", true, 0, null);
    }
    return address;
  }

  /** Closes the connections kept open; a message sent afterwards fails as transient. */
  @Override
  public void close() {
    connections.close();
  }

  @Override
  public String toString() {
    return "SmtpTransport[" + settings + "]";
  }
}
