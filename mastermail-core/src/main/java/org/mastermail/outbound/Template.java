package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;

/**
 * A mailbox's reusable message: subject and bodies written in the installed {@link TemplateRenderer}'s language
 * (Mustache with {@code mastermail-templates}), filled from a data map per recipient.
 *
 * @param name unique within the mailbox, for example {@code rent-notice}
 * @param html the HTML body, or null for plain text only
 */
public record Template(TemplateId id, MailboxId mailbox, String name, String subject, String text,
    @Nullable String html) {
  public Template {
    requireNonNull(id, "id");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(name, "name");
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
  }
}
