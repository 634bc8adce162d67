package org.mastermail.imap.internal;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPStore;

/** What of IMAP beyond the base the server offers, as far as the source cares. */
public record Capabilities(boolean move, boolean uidPlus, boolean idle) {
  public static Capabilities of(IMAPStore store) throws MessagingException {
    return new Capabilities(store.hasCapability("MOVE"), store.hasCapability("UIDPLUS"), store.hasCapability("IDLE"));
  }
}
