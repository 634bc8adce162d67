package org.mastermail.message;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * The archived content of one message beyond its {@link MessageMeta}: where its raw bytes are kept, its bodies, its
 * attachments and any problems met while parsing it.
 *
 * @param skeleton the single-instance skeleton from which the raw message is rebuilt byte for byte
 * @param rawSha256 the SHA-256 of the raw message (its content hash, unique per mailbox)
 * @param subjectKey the subject without reply and forward prefixes, lower-case: a threading key
 * @param sentAt the Date header, or null when missing or unparseable
 * @param text the plain-text body (possibly {@code truncated})
 * @param html the HTML body as received (unsanitised), or null
 * @param problems what could not be parsed cleanly; empty for clean mail
 */
public record MessageContent(TenantId tenant, MessageId message, MailboxId mailbox, BlobId skeleton, BlobId rawSha256,
    String subjectKey, @Nullable Instant sentAt, List<String> cc, @Nullable String inReplyTo, List<String> references,
    String text, boolean truncated, @Nullable String html, List<Attachment> attachments, List<String> problems) {
  public MessageContent {
    requireNonNull(tenant, "tenant");
    requireNonNull(message, "message");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(skeleton, "skeleton");
    requireNonNull(rawSha256, "rawSha256");
    requireNonNull(subjectKey, "subjectKey");
    cc = List.copyOf(requireNonNull(cc, "cc"));
    references = List.copyOf(requireNonNull(references, "references"));
    requireNonNull(text, "text");
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
    problems = List.copyOf(requireNonNull(problems, "problems"));
  }
}
