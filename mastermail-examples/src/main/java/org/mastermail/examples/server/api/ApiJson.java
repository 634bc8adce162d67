package org.mastermail.examples.server.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mastermail.Page;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Note;
import org.mastermail.event.Event;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Attachment;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.status.Status;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * The JSON shapes of the API. They are the server's own, not core's records, so that the wire format changes only
 * when we mean it to: ids are plain strings, times ISO-8601 instants.
 */
public final class ApiJson {
  private ApiJson() {}

  /** Every error: {@code {"error": "...", "status": 404}}. */
  public record Error(String error, int status) {}

  public record Health(String status) {}

  public record PageJson<T>(List<T> items, @Nullable String nextCursor) {
    static <S, T> PageJson<T> of(Page<S> page, Function<S, T> map) {
      return new PageJson<>(page.items().stream().map(map).toList(), page.nextCursor());
    }
  }

  public record TenantJson(String id, String name) {
    static TenantJson of(Tenant t) {
      return new TenantJson(t.id().toString(), t.name());
    }
  }

  public record UserJson(String id, String email, String name, String role, boolean active) {
    static UserJson of(User u) {
      return new UserJson(u.id().toString(), u.email(), u.displayName(), u.role(), u.active());
    }
  }

  /**
   * Who is logged in, the token to send back in {@code X-CSRF-Token}, and the permissions they hold tenant-wide (for
   * showing what they may use; core decides every call).
   */
  public record Me(UserJson user, TenantJson tenant, String csrfToken, List<String> permissions) {}

  public record MailboxJson(String id, String address, String name, String kind, @Nullable String owner) {
    static MailboxJson of(Mailbox m) {
      return new MailboxJson(m.id().toString(), m.address(), m.name(), m.kind().name().toLowerCase(Locale.ROOT),
          m.owner() == null ? null : m.owner().toString());
    }
  }

  public record StatusJson(String id, String name, String category, int position, List<String> allowedNext) {
    static StatusJson of(Status s) {
      return new StatusJson(s.id().toString(), s.name(), s.category().name(), s.position(),
          s.allowedNext().stream().map(Object::toString).sorted().toList());
    }
  }

  public record LinkJson(String type, String id) {
    static LinkJson of(EntityRef e) {
      return new LinkJson(e.type(), e.id());
    }

    EntityRef ref() {
      return EntityRef.of(Requests.required(type, "link type"), Requests.required(id, "link id"));
    }
  }

  public record ConversationJson(String id, String mailbox, String subject, @Nullable String assignee, String status,
      @Nullable Instant dueAt, boolean urgent, List<String> tags, List<LinkJson> links, Instant createdAt,
      Instant lastActivityAt, long version, @Nullable Boolean unread, @Nullable String from,
      @Nullable Integer messageCount, @Nullable String fromName) {
    static ConversationJson of(Conversation c, @Nullable Boolean unread) {
      return of(c, unread, null, null, null);
    }

    /**
     * With the sender of its latest received message, the name their From header gives, and how many messages it holds
     * ({@code include=from}).
     */
    static ConversationJson of(Conversation c, @Nullable Boolean unread, @Nullable String from,
        @Nullable Integer messageCount, @Nullable String fromName) {
      UserId assignee = c.assignee();
      return new ConversationJson(c.id().toString(), c.mailbox().toString(), c.subject(),
          assignee == null ? null : assignee.toString(), c.status().toString(), c.dueAt(), c.urgent(),
          c.tags().stream().sorted().toList(),
          c.links().stream().map(LinkJson::of).sorted(Comparator.comparing(LinkJson::type)
              .thenComparing(LinkJson::id)).toList(),
          c.createdAt(), c.lastActivityAt(), c.version(), unread, from, messageCount, fromName);
    }
  }

  public record AttachmentJson(int index, @Nullable String filename, String contentType, long size, boolean inline,
      @Nullable String contentId, String url) {
    static AttachmentJson of(MessageMeta m, Attachment a) {
      return new AttachmentJson(a.index(), a.filename(), a.contentType(), a.size(), a.inline(), a.contentId(),
          MessageRoutes.attachmentUrl(m.id(), a.index()));
    }
  }

  /** A message with its bodies; {@code html} is sanitised, the original is only in {@code rawUrl}. */
  public record MessageJson(String id, String direction, @Nullable String messageId, String from, List<String> to,
      List<String> cc, String subject, Instant receivedAt, @Nullable Instant sentAt, long size, String text,
      boolean truncated, @Nullable String html, List<AttachmentJson> attachments, List<String> problems,
      String rawUrl, @Nullable String fromName) {
    static MessageJson of(MessageMeta m, MessageContent c, @Nullable String safeHtml) {
      return new MessageJson(m.id().toString(), m.direction().name(), m.messageIdHeader(), m.from(), m.to(), c.cc(),
          m.subject(), m.receivedAt(), c.sentAt(), m.sizeBytes(), c.text(), c.truncated(), safeHtml,
          c.attachments().stream().map(a -> AttachmentJson.of(m, a)).toList(), c.problems(),
          MessageRoutes.rawUrl(m.id()), m.fromName());
    }
  }

  public record NoteJson(String id, String author, String body, Instant createdAt) {
    static NoteJson of(Note n) {
      return new NoteJson(n.id().toString(), n.author().toString(), n.body(), n.createdAt());
    }
  }

  public record EventJson(String type, @Nullable String actor, Instant at, @Nullable String before,
      @Nullable String after, long version) {
    static EventJson of(Event e) {
      return new EventJson(e.type().name(), e.actor() == null ? null : e.actor().toString(), e.at(), e.before(),
          e.after(), e.version());
    }
  }

  public record ConversationDetailsJson(ConversationJson conversation, List<MessageJson> messages,
      List<NoteJson> notes, List<EventJson> history) {}

  public record CountsJson(long mine, long unassigned, long inbox, @Nullable Long all) {}

  public record OutboundAttachmentJson(String name, String contentType, long size) {}

  public record OutboundJson(String id, String mailbox, @Nullable String conversation, @Nullable String author,
      String state, String from, @Nullable String fromName, @Nullable String replyTo, List<String> to,
      List<String> cc, List<String> bcc, String subject, String text, @Nullable String inReplyTo,
      List<OutboundAttachmentJson> attachments, boolean autoSubmitted, @Nullable String messageId, int attempts,
      @Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant sentAt, Instant createdAt,
      Instant updatedAt, long version) {
    static OutboundJson of(OutboundMessage o) {
      Letter l = o.letter();
      return new OutboundJson(o.id().toString(), o.mailbox().toString(),
          o.conversation() == null ? null : o.conversation().toString(),
          o.author() == null ? null : o.author().toString(), o.state().name(), l.from(), l.fromName(), l.replyTo(),
          l.to(), l.cc(), l.bcc(), l.subject(), l.text(), l.inReplyTo(),
          l.attachments().stream().map(a -> new OutboundAttachmentJson(a.name(), a.contentType(), a.size()))
              .toList(),
          l.autoSubmitted(), o.delivery().messageIdHeader(), o.delivery().attempts(), o.delivery().nextAttemptAt(),
          o.delivery().lastError(), o.delivery().sentAt(), o.createdAt(), o.updatedAt(), o.version());
    }
  }

  public record TemplateJson(String id, String mailbox, String name, String subject, String text,
      @Nullable String html) {
    static TemplateJson of(Template t) {
      return new TemplateJson(t.id().toString(), t.mailbox().toString(), t.name(), t.subject(), t.text(), t.html());
    }
  }

  public record AccountJson(MailboxJson mailbox, @Nullable String displayName, @Nullable String replyTo,
      @Nullable String signature) {
    static AccountJson of(Mailbox m, SendingAccount a) {
      return new AccountJson(MailboxJson.of(m), a.displayName(), a.replyTo(), a.signatureText());
    }
  }
}
