package org.mastermail.outbound;

/** Whom a reply goes to. */
public enum ReplyMode {
  /** The sender (or their Reply-To). */
  REPLY,
  /** The sender and everyone else on To and Cc, except the mailbox itself. */
  REPLY_ALL
}
