package org.mastermail.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/** A plain IMAP client of the test server: puts mail in and looks at what the server holds, each call on its own. */
final class ServerClient {
  private final int port;
  private final String user;
  private final String password;
  private final Session session;

  ServerClient(int port, String user, String password) {
    this.port = port;
    this.user = user;
    this.password = password;
    Properties p = new Properties();
    p.setProperty("mail.imap.partialfetch", "false");
    p.setProperty("mail.imap.connectiontimeout", "5000");
    p.setProperty("mail.imap.timeout", "10000");
    this.session = Session.getInstance(p);
  }

  interface Work<T> {
    T run(IMAPFolder folder) throws MessagingException, IOException;
  }

  <T> T in(String folderName, int mode, Work<T> work) {
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", port, user, password);
      IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES);
      }
      folder.open(mode);
      try {
        return work.run(folder);
      } finally {
        folder.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends {@code raw} to {@code folder} (created when missing) and returns its UID. */
  long append(String folder, byte[] raw) {
    return in(folder, Folder.READ_WRITE, f -> {
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
      AppendUID[] uids = f.appendUIDMessages(new Message[] {m});
      if (uids != null && uids[0] != null) {
        return uids[0].uid;
      }
      return f.getUID(f.getMessage(f.getMessageCount()));
    });
  }

  List<Long> uids(String folder) {
    return in(folder, Folder.READ_ONLY, f -> {
      List<Long> uids = new ArrayList<>();
      for (Message m : f.getMessages()) {
        uids.add(f.getUID(m));
      }
      return uids;
    });
  }

  /** The message's bytes as the server sends them. */
  byte[] raw(String folder, long uid) {
    return in(folder, Folder.READ_ONLY, f -> {
      IMAPMessage m = (IMAPMessage) f.getMessageByUID(uid);
      m.setPeek(true);
      try (InputStream in = m.getMimeStream()) {
        return in.readAllBytes();
      }
    });
  }

  List<byte[]> raws(String folder) {
    List<byte[]> all = new ArrayList<>();
    for (long uid : uids(folder)) {
      all.add(raw(folder, uid));
    }
    return all;
  }

  boolean seen(String folder, long uid) {
    return in(folder, Folder.READ_ONLY, f -> f.getMessageByUID(uid).isSet(Flags.Flag.SEEN));
  }

  void setFlag(String folder, long uid, Flags.Flag flag) {
    in(folder, Folder.READ_WRITE, f -> {
      f.getMessageByUID(uid).setFlag(flag, true);
      return null;
    });
  }

  long uidValidity(String folder) {
    return in(folder, Folder.READ_ONLY, IMAPFolder::getUIDValidity);
  }

  /** Deletes the folder with its messages. */
  void delete(String folderName) {
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", port, user, password);
      store.getFolder(folderName).delete(true);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
