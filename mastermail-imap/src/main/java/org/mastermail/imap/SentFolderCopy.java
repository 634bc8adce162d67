package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.imap.internal.FixedMimeMessage;
import org.mastermail.imap.internal.MailProperties;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport that also files what it sent: after {@code delegate} sent a message, the same bytes are appended to an
 * IMAP folder of the mailbox, marked {@code \Seen}, so that people who open the mailbox in a mail program find the
 * office's replies among its sent mail (servers such as Gmail do this themselves; most others do not).
 *
 * <pre>{@code
 * MailTransport transport = SentFolderCopy.of(SmtpTransport.of(smtpSettings), imapSettings, "Sent");
 * }</pre>
 *
 * <p>The copy is a courtesy: when it fails the message stays sent, the failure is logged, and the next copy connects
 * again. The folder is created when missing. Copies are appended one at a time over one IMAP connection.
 */
public final class SentFolderCopy implements MailTransport {
  private static final Logger log = LoggerFactory.getLogger(SentFolderCopy.class);

  private final MailTransport delegate;
  private final ImapSettings imap;
  private final String folderName;
  private final String name;
  private final Session session;
  private @Nullable Store store;

  private SentFolderCopy(MailTransport delegate, ImapSettings imap, String folderName) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.imap = requireNonNull(imap, "imap");
    this.folderName = requireNonNull(folderName, "folder");
    if (folderName.isBlank()) {
      throw new InvalidInputException("folder: the folder for sent mail must be named");
    }
    this.name = imap.username() + "@" + imap.host() + "/" + folderName;
    this.session = Session.getInstance(MailProperties.of("imap", imap.host(), imap.port(), imap.security(),
        imap.connectTimeout(), imap.readTimeout(), imap.writeTimeout(), imap.credentials().oauth2()).properties());
  }

  /**
   * Sends through {@code delegate} and files each sent message in {@code folder} of the IMAP account {@code imap}
   * (only its server, login and timeouts are used).
   */
  public static SentFolderCopy of(MailTransport delegate, ImapSettings imap, String folder) {
    return new SentFolderCopy(delegate, imap, folder);
  }

  /**
   * Sends through the delegate; then appends the same bytes to the folder.
   *
   * @throws TransportException as the delegate does; never for the copy
   */
  @Override
  public void send(Envelope envelope, MimeSource mime) {
    delegate.send(envelope, mime);
    try {
      append(mime);
    } catch (MessagingException | RuntimeException e) {
      log.warn("{}: the message was sent, but filing a copy failed: {}", name, e.toString());
      disconnect();
    }
  }

  private synchronized void append(MimeSource mime) throws MessagingException {
    Store s = store;
    if (s == null || !s.isConnected()) {
      s = session.getStore("imap");
      s.connect(imap.host(), imap.port(), imap.username(), imap.credentials().secret());
      store = s;
    }
    Folder folder = s.getFolder(folderName);
    if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("the folder " + folderName + " cannot be created");
    }
    FixedMimeMessage copy = new FixedMimeMessage(session, mime);
    copy.setFlag(Flags.Flag.SEEN, true);
    folder.appendMessages(new Message[] {copy});
  }

  private synchronized void disconnect() {
    Store s = store;
    store = null;
    if (s != null) {
      try {
        s.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("{}: disconnecting failed: {}", name, e.toString());
      }
    }
  }

  /** Closes the delegate and the IMAP connection. */
  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      disconnect();
    }
  }

  @Override
  public String toString() {
    return "SentFolderCopy[" + delegate + " → " + name + "]";
  }
}
