package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import org.mastermail.InvalidInputException;

/**
 * Where a message was fetched from: a folder of a source and the message's key in it. An item is archived at most
 * once; for IMAP the key is {@code UIDVALIDITY:UID} and archiving it also moves the folder's position to {@code uid}.
 *
 * @param uidValidity the folder's UIDVALIDITY (IMAP), 0 where the protocol has none
 * @param uid the message's UID (IMAP), 0 where the protocol has none
 * @param key unique within the source and folder: {@code "uidvalidity:uid"} for IMAP, {@code "uidl:..."} for POP3
 */
public record SourceItem(SourceId source, String folder, long uidValidity, long uid, String key) {
  public SourceItem {
    requireNonNull(source, "source");
    requireNonNull(folder, "folder");
    requireNonNull(key, "key");
    if (folder.isBlank() || key.isBlank() || key.length() > 500) {
      throw new InvalidInputException("a source item needs a folder and a key of at most 500 characters");
    }
    if (uidValidity < 0 || uid < 0) {
      throw new InvalidInputException("UIDVALIDITY and UID must not be negative");
    }
  }

  /** The message {@code uid} of an IMAP folder whose UIDVALIDITY is {@code uidValidity}. */
  public static SourceItem imap(SourceId source, String folder, long uidValidity, long uid) {
    if (uidValidity <= 0 || uid <= 0) {
      throw new InvalidInputException("IMAP UIDVALIDITY and UID are positive, were " + uidValidity + " and " + uid);
    }
    return new SourceItem(source, folder, uidValidity, uid, uidValidity + ":" + uid);
  }

  /** The POP3 message whose unique id (UIDL) is {@code uidl}. */
  public static SourceItem pop3(SourceId source, String uidl) {
    return new SourceItem(source, "INBOX", 0, 0, "uidl:" + uidl);
  }

  /** A message read from a file by an importer: {@code path} identifies it within the import. */
  public static SourceItem file(SourceId source, String path) {
    return new SourceItem(source, "files", 0, 0, "file:" + (path.length() > 490 ? path.substring(path.length() - 490)
        : path));
  }
}
