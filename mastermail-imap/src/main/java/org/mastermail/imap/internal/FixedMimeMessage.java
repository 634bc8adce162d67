package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Session;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jspecify.annotations.Nullable;
import org.mastermail.outbound.MailTransport.MimeSource;

/**
 * A message whose bytes are fixed: {@link #writeTo} copies them from their source as they are, headers and all, and
 * nothing is regenerated (no Message-ID, no Date, no encoding converted), since {@link #saveChanges} does nothing. Only
 * {@code SMTPTransport#sendMessage} may send it (it carries the envelope sender), and IMAP APPEND store it.
 *
 * <p>Reading the source fails with {@link SourceReadException}, so that a failing source is told apart from a failing
 * connection.
 */
public final class FixedMimeMessage extends SMTPMessage {
  private final MimeSource source;

  /** @param envelopeFrom the address for {@code MAIL FROM}, or {@code "<>"} for the null sender */
  public FixedMimeMessage(Session session, MimeSource source, String envelopeFrom) {
    this(session, source);
    setEnvelopeFrom(requireNonNull(envelopeFrom, "envelopeFrom"));
  }

  /** A message to append to an IMAP folder (which may write it twice: once to measure it, once to send it). */
  public FixedMimeMessage(Session session, MimeSource source) {
    super(session);
    this.source = requireNonNull(source, "source");
    setAllow8bitMIME(false); // Angus would re-encode parts and call saveChanges
    setSendPartial(false);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    writeTo(out, null);
  }

  /** Copies the source's bytes; {@code ignoreList} (Bcc, Content-Length) is ignored: the bytes are sent unchanged. */
  @Override
  public void writeTo(OutputStream out, String @Nullable [] ignoreList) throws IOException {
    try (InputStream in = new Guarded(open())) {
      in.transferTo(out);
    }
  }

  private InputStream open() throws SourceReadException {
    try {
      return requireNonNull(source.open(), "the message source opened null");
    } catch (IOException | RuntimeException e) {
      throw new SourceReadException(e);
    }
  }

  /** Does nothing: the bytes are fixed, with their Message-ID and Date. */
  @Override
  public void saveChanges() {}

  /** The message's bytes could not be read from their source. */
  public static final class SourceReadException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceReadException(Exception cause) {
      super("cannot read the message's bytes: " + cause, cause);
    }
  }

  /** Marks every failure of reading the source as a {@link SourceReadException}. */
  private static final class Guarded extends FilterInputStream {
    Guarded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException | RuntimeException e) {
        throw new SourceReadException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        throw new SourceReadException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } catch (IOException | RuntimeException e) {
        throw new SourceReadException(e);
      }
    }
  }
}
