package org.mastermail.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.MailTransport.MimeSource;
import org.mastermail.outbound.TransportException;

/** Messages, envelopes and settings the SMTP tests share. */
final class SmtpMessages {
  static final String SENDER = Fixture.USER;
  static final String ANNA = "anna@client.example";

  private SmtpMessages() {}

  /** A plain message with fixed Message-ID and Date, CRLF line ends. */
  static byte[] message(String subject) {
    return message(subject, "Hello Anna,\r\nabout " + subject + ".\r\n");
  }

  static byte[] message(String subject, String body) {
    return ("From: \"Acme Office\" <" + SENDER + ">\r\n"
        + "To: " + ANNA + "\r\n"
        + "Subject: " + subject + "\r\n"
        + "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
        + "Message-ID: <" + Integer.toHexString(subject.hashCode()) + ".fixed@acme.example>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + body).getBytes(StandardCharsets.UTF_8);
  }

  /** A message of about {@code size} bytes. */
  static byte[] large(String subject, int size) {
    StringBuilder body = new StringBuilder();
    while (body.length() < size) {
      body.append("Line ").append(body.length()).append(" of a long message about ").append(subject).append("\r\n");
    }
    return message(subject, body.toString());
  }

  static MimeSource source(byte[] bytes) {
    return () -> new ByteArrayInputStream(bytes);
  }

  static Envelope to(String... recipients) {
    return new Envelope(SENDER, List.of(recipients));
  }

  /** The {@link TransportException} {@code send} fails with; the test fails when it does not. */
  static TransportException failure(ThrowingCallable send) {
    Throwable thrown = catchThrowable(send);
    assertThat(thrown).isInstanceOf(TransportException.class);
    return (TransportException) thrown;
  }

  /** Plain SMTP to 127.0.0.1:{@code port} with timeouts short enough for tests. */
  static SmtpSettings.Builder settings(int port) {
    return SmtpSettings.builder("127.0.0.1", port).security(Security.NONE).ehloName("client.test")
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10));
  }
}
