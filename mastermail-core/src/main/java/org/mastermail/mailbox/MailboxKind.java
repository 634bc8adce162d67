package org.mastermail.mailbox;

/** Whether a mailbox belongs to the office or to one person. */
public enum MailboxKind {
  /** A company or process address (info@, helpdesk@): its members see it and, with SEND_AS, send from it. */
  SHARED,
  /** One person's own mailbox: only the owner and their active delegates see it; only the owner sends from it. */
  PERSONAL
}
