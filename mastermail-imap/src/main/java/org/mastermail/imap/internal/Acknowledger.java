package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.mastermail.imap.Acknowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the server that messages are archived, as {@link Acknowledge} says. Called only after their commit, and
 * idempotent: acknowledging a message twice (after a crash between the two) changes nothing more.
 */
public final class Acknowledger {
  private static final Logger log = LoggerFactory.getLogger(Acknowledger.class);

  private final Acknowledge acknowledge;
  private final String name;
  private volatile boolean warned;

  /** @param name how logs name the source */
  public Acknowledger(Acknowledge acknowledge, String name) {
    this.acknowledge = requireNonNull(acknowledge, "acknowledge");
    this.name = requireNonNull(name, "name");
  }

  /** Acknowledges {@code messages} of the open {@code folder} on a server with {@code caps}. */
  public void acknowledge(IMAPFolder folder, List<Message> messages, Capabilities caps) throws MessagingException {
    if (messages.isEmpty()) {
      return;
    }
    Message[] batch = messages.toArray(Message[]::new);
    switch (acknowledge.mode()) {
      case LEAVE -> { }
      case MARK_SEEN -> markSeen(folder, batch);
      case MOVE_TO -> move(folder, batch, caps);
    }
  }

  private static void markSeen(IMAPFolder folder, Message[] batch) throws MessagingException {
    folder.setFlags(batch, new Flags(Flags.Flag.SEEN), true);
  }

  private void move(IMAPFolder folder, Message[] batch, Capabilities caps) throws MessagingException {
    if (!caps.move() && !caps.uidPlus()) {
      if (!warned) {
        warned = true;
        log.warn("{}: the server has neither MOVE nor UIDPLUS, so archived messages cannot be moved without risking"
            + " other messages marked deleted; they are marked seen instead", name);
      }
      markSeen(folder, batch);
      return;
    }
    Folder target = folder.getStore().getFolder(acknowledge.target().orElseThrow());
    if (!target.exists()) {
      log.info("{}: creating the processed folder {}", name, target.getFullName());
      if (!target.create(Folder.HOLDS_MESSAGES) && !target.exists()) {
        throw new MessagingException("cannot create the processed folder " + target.getFullName());
      }
    }
    if (caps.move()) {
      folder.moveMessages(batch, target);
    } else {
      copyDeleteExpunge(folder, batch, target);
    }
  }

  /**
   * COPY, {@code \Deleted}, then UID EXPUNGE of exactly these UIDs (UIDPLUS), never a plain EXPUNGE. A message already
   * marked deleted was copied by an attempt that was cut off before its EXPUNGE, so it is not copied again.
   */
  private static void copyDeleteExpunge(IMAPFolder folder, Message[] batch, Folder target) throws MessagingException {
    FetchProfile flags = new FetchProfile();
    flags.add(FetchProfile.Item.FLAGS);
    folder.fetch(batch, flags);
    List<Message> uncopied = new ArrayList<>();
    for (Message m : batch) {
      if (!m.isSet(Flags.Flag.DELETED)) {
        uncopied.add(m);
      }
    }
    if (!uncopied.isEmpty()) {
      folder.copyMessages(uncopied.toArray(Message[]::new), target);
    }
    folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
    folder.expunge(batch);
  }
}
