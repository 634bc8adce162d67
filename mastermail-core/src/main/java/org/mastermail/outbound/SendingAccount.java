package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;

/**
 * How a mailbox sends: the name shown with its address, where replies should go, and the signature appended to what
 * its senders write.
 *
 * @param displayName shown with the address ({@code "Acme Office" <info@acme.example>}); null: the mailbox's name
 * @param replyTo a reply-to address for everything sent from the mailbox, or null
 * @param signatureText appended to plain-text bodies (after {@code "-- "}), or null
 * @param signatureHtml appended to HTML bodies, or null (then the plain-text signature, escaped, is used)
 */
public record SendingAccount(MailboxId mailbox, @Nullable String displayName, @Nullable String replyTo,
    @Nullable String signatureText, @Nullable String signatureHtml) {
  public SendingAccount {
    requireNonNull(mailbox, "mailbox");
  }

  /** A mailbox with no settings of its own. */
  public static SendingAccount plain(MailboxId mailbox) {
    return new SendingAccount(mailbox, null, null, null, null);
  }
}
