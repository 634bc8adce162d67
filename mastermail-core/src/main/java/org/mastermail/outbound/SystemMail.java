package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;

/**
 * Mail the system sends by itself while archiving — a rule's automatic reply or internal forward — queued in the
 * archiving transaction, so it is sent exactly when the message it answers is archived. It joins the incoming
 * message's conversation once sent; it has no author.
 *
 * @param from the sending mailbox
 * @param inReplyTo the Message-ID answered (without angle brackets), or null
 * @param autoReply an automatic reply: {@code Auto-Submitted: auto-replied} and the null envelope sender {@code <>}
 */
public record SystemMail(MailboxId from, List<String> to, String subject, String text, @Nullable String inReplyTo,
    List<String> references, boolean autoReply) {
  public SystemMail {
    requireNonNull(from, "from");
    to = List.copyOf(requireNonNull(to, "to"));
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    references = List.copyOf(requireNonNull(references, "references"));
    if (to.isEmpty()) {
      throw new IllegalArgumentException("system mail needs a recipient");
    }
  }
}
