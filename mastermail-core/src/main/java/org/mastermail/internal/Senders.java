package org.mastermail.internal;

import java.util.Comparator;
import java.util.List;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.permission.Permission;

/**
 * Who may send from where. The rule itself lives in {@link AccessResolver}: SEND_AS in a shared mailbox comes from
 * roles and grants, a personal mailbox gives it to its owner alone, and a delegation never carries it.
 */
final class Senders {
  private Senders() {}

  /** The mailboxes the actor may send from: their personal ones first, then shared ones, each by address. */
  static List<Mailbox> accounts(Work w, Access a) {
    return a.visibleMailboxes().stream()
        .map(id -> a.mailbox(id).orElseThrow())
        .filter(m -> m.can(Permission.SEND_AS))
        .map(MailboxAccess::mailbox)
        .sorted(Comparator.comparing((Mailbox m) -> m.kind() != MailboxKind.PERSONAL).thenComparing(Mailbox::address))
        .toList();
  }

  static Mailbox visibleMailbox(Access a, MailboxId id) {
    return a.mailbox(id).map(MailboxAccess::mailbox)
        .orElseThrow(() -> new NotFoundException("mailbox " + id + " not found"));
  }

  /** The mailbox, if the actor may send from it. */
  static Mailbox requireSendAs(Access a, MailboxId id) {
    MailboxAccess m = a.mailbox(id).orElseThrow(() -> new NotFoundException("mailbox " + id + " not found"));
    if (!m.can(Permission.SEND_AS)) {
      String why = m.delegated() ? "a delegate may read and assign, never send as the mailbox's owner"
          : m.mailbox().kind() == MailboxKind.PERSONAL ? "only its owner may send from a personal mailbox"
          : "permission SEND_AS is required";
      throw new PermissionDeniedException("user " + a.user().email() + " may not send from "
          + m.mailbox().address() + ": " + why);
    }
    return m.mailbox();
  }
}
