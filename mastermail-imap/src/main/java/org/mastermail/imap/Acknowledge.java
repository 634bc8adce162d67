package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * What {@link ImapSource} does on the server with a message once it is archived (after the commit, never before).
 *
 * @param mode leave, mark seen, or move
 * @param folder the processed folder for {@link Mode#MOVE_TO}, null otherwise
 */
public record Acknowledge(Mode mode, @Nullable String folder) {
  private static final Acknowledge LEAVE = new Acknowledge(Mode.LEAVE, null);
  private static final Acknowledge MARK_SEEN = new Acknowledge(Mode.MARK_SEEN, null);

  /** The three ways of telling the server a message is done. */
  public enum Mode {
    /** Change nothing on the server; the folder's position alone says what was archived. */
    LEAVE,
    /** Set {@code \Seen}, so people reading the mailbox see what was archived. */
    MARK_SEEN,
    /**
     * Move the message to a processed folder (created when missing): with MOVE where the server has it, else COPY,
     * {@code \Deleted} and UID EXPUNGE of exactly those messages where the server has UIDPLUS, else as
     * {@link #MARK_SEEN} with a warning (a plain EXPUNGE would also remove messages others marked deleted).
     */
    MOVE_TO
  }

  public Acknowledge {
    requireNonNull(mode, "mode");
    if (mode == Mode.MOVE_TO && (folder == null || folder.isBlank())) {
      throw new InvalidInputException("moving archived messages needs the name of the processed folder");
    }
    if (mode != Mode.MOVE_TO && folder != null) {
      throw new InvalidInputException("only MOVE_TO names a folder");
    }
  }

  public static Acknowledge leave() {
    return LEAVE;
  }

  public static Acknowledge markSeen() {
    return MARK_SEEN;
  }

  /**
   * Moves archived messages to {@code folder}, its full name as the server spells it (for example
   * {@code "INBOX.Processed"} on servers that keep every folder under INBOX).
   */
  public static Acknowledge moveTo(String folder) {
    return new Acknowledge(Mode.MOVE_TO, requireNonNull(folder, "folder"));
  }

  /** The processed folder, for {@link Mode#MOVE_TO}. */
  public Optional<String> target() {
    return Optional.ofNullable(folder);
  }

  /** Whether acknowledging changes the server, so that the folder must be opened read-write. */
  public boolean writes() {
    return mode != Mode.LEAVE;
  }
}
