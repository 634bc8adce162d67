package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's connection to its IMAP server and its open folder, kept between syncs (IDLE needs it) and checked with a
 * NOOP before it is used again. Calls come from the source's thread; {@link #close} may come from any thread.
 */
public final class ImapConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ImapConnection.class);

  private final Session session;
  private final String host;
  private final int port;
  private final String username;
  private final Supplier<String> secret;
  private final String folderName;
  private final boolean readWrite;
  private final String name;
  private volatile @Nullable IMAPStore store;
  private volatile @Nullable IMAPFolder folder;
  private volatile @Nullable Capabilities capabilities;

  /**
   * @param secret asked at every connect: a password, or a fresh OAuth 2 token
   * @param name how logs name the source (never with the secret)
   */
  public ImapConnection(MailProperties properties, String host, int port, String username, Supplier<String> secret,
      String folderName, boolean readWrite, String name) {
    this.session = Session.getInstance(properties.properties());
    this.host = requireNonNull(host, "host");
    this.port = port;
    this.username = requireNonNull(username, "username");
    this.secret = requireNonNull(secret, "secret");
    this.folderName = requireNonNull(folderName, "folderName");
    this.readWrite = readWrite;
    this.name = requireNonNull(name, "name");
  }

  /**
   * The folder, open: the connection of the last sync when it still answers and the folder's UIDVALIDITY has not
   * changed under it, else a new one.
   */
  public IMAPFolder open() throws MessagingException {
    IMAPFolder current = folder;
    if (current != null) {
      if (reusable(current)) {
        return current;
      }
      log.debug("{}: the connection of the last sync is gone or its folder was recreated; connecting again", name);
      close();
    }
    IMAPStore s = store;
    if (s == null || !s.isConnected()) {
      s = (IMAPStore) session.getStore("imap");
      s.connect(host, port, username, secret.get());
      store = s;
      capabilities = Capabilities.of(s);
    }
    IMAPFolder f = (IMAPFolder) s.getFolder(folderName);
    if (!f.exists()) {
      throw new FolderNotFoundException(f, "folder " + folderName + " does not exist on " + host);
    }
    f.open(readWrite ? Folder.READ_WRITE : Folder.READ_ONLY);
    if (readWrite && f.getMode() != Folder.READ_WRITE) {
      f.close(false);
      throw new MessagingException("the server opened " + folderName + " read-only; acknowledging archived messages"
          + " needs write access (or use Acknowledge.leave())");
    }
    folder = f;
    return f;
  }

  private boolean reusable(IMAPFolder f) {
    try {
      return f.isOpen() && alive() && statusUidValidity() == f.getUIDValidity();
    } catch (MessagingException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the open folder's connection answers a NOOP (which also ends an IDLE running on it). */
  public boolean alive() {
    IMAPFolder f = folder;
    if (f == null || !f.isOpen()) {
      return false;
    }
    try {
      noop(f);
      return true;
    } catch (MessagingException | RuntimeException e) {
      log.debug("{}: the folder's connection does not answer: {}", name, e.toString());
      return false;
    }
  }

  /** Sends a NOOP on the folder's connection; another thread's IDLE on it ends first (Angus sends DONE). */
  public static void noop(IMAPFolder f) throws MessagingException {
    f.doCommand(p -> {
      p.noop();
      return null;
    });
  }

  /** The folder's UIDVALIDITY as the server reports it now (STATUS), not as it was when the folder was selected. */
  public long statusUidValidity() throws MessagingException {
    return ((IMAPFolder) requireNonNull(store, "store").getFolder(folderName)).getUIDValidity();
  }

  public IMAPStore store() {
    return requireNonNull(store, "not connected");
  }

  public Capabilities capabilities() {
    return requireNonNull(capabilities, "not connected");
  }

  public String folderName() {
    return folderName;
  }

  /** Disconnects; the next {@link #open} connects again. Never throws. */
  @Override
  public void close() {
    IMAPFolder f = folder;
    folder = null;
    if (f != null && f.isOpen()) {
      try {
        f.close(false); // never expunge: messages others marked \Deleted are not ours to remove
      } catch (MessagingException | RuntimeException e) {
        log.debug("{}: closing the folder failed: {}", name, e.toString());
      }
    }
    IMAPStore s = store;
    store = null;
    capabilities = null;
    if (s != null) {
      try {
        s.close();
      } catch (MessagingException | RuntimeException e) {
        log.debug("{}: disconnecting failed: {}", name, e.toString());
      }
    }
  }
}
