package org.mastermail.outbound;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;

/**
 * What a person writes: the sending account, recipients, subject, bodies and files. Used to start a new message and
 * to edit a draft (the whole draft is replaced). The sending account's display name, reply-to and signature are added
 * by the engine.
 *
 * <pre>{@code
 * OutboundMessage sent = mm.outbound().send(Compose.from(info.id())
 *     .to("tenant@example.com").subject("Rent notice").text("Dear tenant, …")
 *     .attach(AttachmentSource.upload("notice.pdf", "application/pdf", pdfBytes))
 *     .build(), anna);
 * }</pre>
 *
 * @param mailbox the sending account
 * @param conversation the conversation the message belongs to, or null to start a new one when it is queued
 * @param inReplyTo the Message-ID answered (set by reply), or null
 * @param references the thread's Message-IDs (set by reply)
 */
public record Compose(MailboxId mailbox, @Nullable ConversationId conversation, List<String> to, List<String> cc,
    List<String> bcc, String subject, String text, @Nullable String html, @Nullable String inReplyTo,
    List<String> references, List<AttachmentSource> attachments) {
  public Compose {
    requireNonNull(mailbox, "mailbox");
    to = List.copyOf(requireNonNull(to, "to"));
    cc = List.copyOf(requireNonNull(cc, "cc"));
    bcc = List.copyOf(requireNonNull(bcc, "bcc"));
    requireNonNull(subject, "subject");
    requireNonNull(text, "text");
    references = List.copyOf(requireNonNull(references, "references"));
    attachments = List.copyOf(requireNonNull(attachments, "attachments"));
  }

  /** Starts a message sent from {@code mailbox}. */
  public static Builder from(MailboxId mailbox) {
    return new Builder(mailbox);
  }

  /** A builder holding this message, to change a part of it (edit a draft). */
  public Builder toBuilder() {
    Builder b = new Builder(mailbox);
    b.conversation = conversation;
    b.to.addAll(to);
    b.cc.addAll(cc);
    b.bcc.addAll(bcc);
    b.subject = subject;
    b.text = text;
    b.html = html;
    b.inReplyTo = inReplyTo;
    b.references.addAll(references);
    b.attachments.addAll(attachments);
    return b;
  }

  /** What an outbound message holds, as a {@link Compose} to edit it with. */
  public static Compose of(OutboundMessage message) {
    Letter l = message.letter();
    return new Compose(message.mailbox(), message.conversation(), l.to(), l.cc(), l.bcc(), l.subject(), l.text(),
        l.html(), l.inReplyTo(), l.references(),
        l.attachments().stream().map(AttachmentSource::kept).toList());
  }

  /** Builds a {@link Compose}. */
  public static final class Builder {
    private MailboxId mailbox;
    private @Nullable ConversationId conversation;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private String subject = "";
    private String text = "";
    private @Nullable String html;
    private @Nullable String inReplyTo;
    private final List<String> references = new ArrayList<>();
    private final List<AttachmentSource> attachments = new ArrayList<>();

    private Builder(MailboxId mailbox) {
      this.mailbox = requireNonNull(mailbox, "mailbox");
    }

    /** Switches the sending account. */
    public Builder mailbox(MailboxId value) {
      this.mailbox = requireNonNull(value, "mailbox");
      return this;
    }

    public Builder conversation(@Nullable ConversationId value) {
      this.conversation = value;
      return this;
    }

    public Builder to(String... addresses) {
      to.addAll(List.of(addresses));
      return this;
    }

    public Builder cc(String... addresses) {
      cc.addAll(List.of(addresses));
      return this;
    }

    public Builder bcc(String... addresses) {
      bcc.addAll(List.of(addresses));
      return this;
    }

    /** Replaces the recipients. */
    public Builder recipients(List<String> newTo, List<String> newCc, List<String> newBcc) {
      to.clear();
      to.addAll(newTo);
      cc.clear();
      cc.addAll(newCc);
      bcc.clear();
      bcc.addAll(newBcc);
      return this;
    }

    public Builder subject(String value) {
      this.subject = requireNonNull(value, "subject");
      return this;
    }

    public Builder text(String value) {
      this.text = requireNonNull(value, "text");
      return this;
    }

    public Builder html(@Nullable String value) {
      this.html = value;
      return this;
    }

    public Builder inReplyTo(@Nullable String messageId, List<String> thread) {
      this.inReplyTo = messageId;
      references.clear();
      references.addAll(thread);
      return this;
    }

    public Builder attach(AttachmentSource file) {
      attachments.add(requireNonNull(file, "file"));
      return this;
    }

    /** Removes every attachment. */
    public Builder clearAttachments() {
      attachments.clear();
      return this;
    }

    public Compose build() {
      return new Compose(mailbox, conversation, to, cc, bcc, subject, text, html, inReplyTo, references, attachments);
    }
  }
}
