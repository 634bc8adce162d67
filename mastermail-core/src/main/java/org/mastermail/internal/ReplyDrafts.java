package org.mastermail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Direction;
import org.mastermail.message.MessageContent;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.outbound.AttachmentSource;
import org.mastermail.outbound.Compose;
import org.mastermail.outbound.ReplyMode;
import org.mastermail.permission.Permission;

/** Prefills replies and forwards from an archived message: recipients, subject, threading headers and quote. */
final class ReplyDrafts {
  private static final DateTimeFormatter QUOTE_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ReplyDrafts() {}

  static Compose reply(Engine engine, OutboundMime mime, MessageId message, ReplyMode mode, Actor actor) {
    Original o = original(engine, message, actor);
    Headers h = headers(mime, o.content());
    Set<String> ours = new java.util.HashSet<>(List.of(o.from().address(), o.conversationMailbox().address()));
    List<String> to = new ArrayList<>();
    List<String> cc = new ArrayList<>();
    if (o.meta().direction() == Direction.OUTGOING) {
      to.addAll(o.meta().to());
      if (mode == ReplyMode.REPLY_ALL) {
        cc.addAll(o.content().cc());
      }
    } else {
      to.addAll(!h.replyTo().isEmpty() ? h.replyTo() : o.meta().from().isEmpty() ? List.of() : List.of(
          o.meta().from()));
      if (mode == ReplyMode.REPLY_ALL) {
        cc.addAll(o.meta().to());
        cc.addAll(o.content().cc());
      }
    }
    List<String> cleanTo = distinctWithout(to, ours, Set.of());
    List<String> cleanCc = distinctWithout(cc, ours, Set.copyOf(cleanTo));
    List<String> references = new ArrayList<>(o.content().references());
    if (o.meta().messageIdHeader() != null && !references.contains(o.meta().messageIdHeader())) {
      references.add(o.meta().messageIdHeader());
    }
    String quote = "On " + QUOTE_DATE.format(o.meta().receivedAt()) + ", " + o.meta().from() + " wrote:\n"
        + quoted(o.content().text());
    String text = Letters.withSignature("", o.signature()) + "\n" + quote;
    return Compose.from(o.from().id()).conversation(o.meta().conversation())
        .recipients(cleanTo, cleanCc, List.of())
        .subject(prefixed("Re: ", o.meta().subject()))
        .text(text)
        .inReplyTo(o.meta().messageIdHeader(), references)
        .build();
  }

  static Compose forward(Engine engine, MessageId message, Actor actor) {
    Original o = original(engine, message, actor);
    StringBuilder text = new StringBuilder(Letters.withSignature("", o.signature()));
    text.append("\n---------- Forwarded message ----------\n")
        .append("From: ").append(o.meta().from()).append('\n')
        .append("Date: ").append(QUOTE_DATE.format(o.meta().receivedAt())).append('\n')
        .append("Subject: ").append(o.meta().subject()).append('\n')
        .append("To: ").append(String.join(", ", o.meta().to())).append("\n\n")
        .append(o.content().text());
    Compose.Builder b = Compose.from(o.from().id()).conversation(o.meta().conversation())
        .subject(prefixed("Fwd: ", o.meta().subject())).text(text.toString());
    o.content().attachments().stream().filter(a -> !a.inline())
        .forEach(a -> b.attach(AttachmentSource.fromMessage(message, a.index())));
    return b.build();
  }

  private record Original(MessageMeta meta, MessageContent content, Mailbox conversationMailbox, Mailbox from,
      @Nullable String signature) {}

  /** The message (if the actor sees it) and the account to answer from. */
  private static Original original(Engine engine, MessageId message, Actor actor) {
    return engine.read(actor, (w, a) -> {
      MessageMeta meta = w.s().messages().find(actor.tenant(), message)
          .orElseThrow(() -> new NotFoundException("message " + message + " not found"));
      Conversation c = w.visible(meta.conversation(), a);
      MessageContent content = w.s().messages().content(actor.tenant(), message)
          .orElseThrow(() -> new NotFoundException("message " + message + " has no archived content"));
      MailboxAccess home = a.mailbox(c.mailbox()).orElseThrow();
      Mailbox from = home.can(Permission.SEND_AS) ? home.mailbox()
          : Senders.accounts(w, a).stream().findFirst().orElse(home.mailbox());
      return new Original(meta, content, home.mailbox(), from,
          w.s().outbound().account(actor.tenant(), from.id()).signatureText());
    });
  }

  private record Headers(List<String> replyTo) {}

  /** Reply-To is not kept apart from the raw message, so it is read from the stored header block. */
  private static Headers headers(OutboundMime mime, MessageContent content) {
    try (InputStream raw = mime.open(content.skeleton())) {
      InternetHeaders headers = new InternetHeaders(raw, true);
      String replyTo = headers.getHeader("Reply-To", ",");
      if (replyTo == null) {
        return new Headers(List.of());
      }
      List<String> addresses = new ArrayList<>();
      for (InternetAddress a : InternetAddress.parseHeader(replyTo, false)) {
        if (a.getAddress() != null && a.getAddress().contains("@")) {
          addresses.add(a.getAddress().toLowerCase(Locale.ROOT));
        }
      }
      return new Headers(addresses);
    } catch (AddressException e) {
      return new Headers(List.of()); // an unreadable Reply-To: answer the sender
    } catch (MessagingException | IOException e) {
      return new Headers(List.of());
    }
  }

  private static List<String> distinctWithout(List<String> list, Set<String> ours, Set<String> already) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String s : list) {
      String a = s.strip().toLowerCase(Locale.ROOT);
      if (!a.isEmpty() && !ours.contains(a) && !already.contains(a)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  private static String quoted(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      b.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
    }
    return b.toString();
  }

  private static String prefixed(String prefix, String subject) {
    String s = subject.strip();
    return s.regionMatches(true, 0, prefix.strip(), 0, prefix.strip().length()) ? s : prefix + s;
  }
}
