package org.mastermail.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.ConversationId;
import org.mastermail.internal.parse.ParsedMessage;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.MessageMeta;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;

/**
 * Finds the conversation an incoming message continues. First the message ids it answers (In-Reply-To, then
 * References from the newest), which also match the Message-IDs of our own outbound mail; then, for a subject with a
 * reply prefix only, a recent conversation of the same mailbox with the same subject key in which the sender already
 * took part (wrote, or was written to) — so two senders' unrelated mail never joins on a subject like "Re: invoice".
 */
final class Threading {
  /** How far back a subject-only match may reach. */
  static final Duration SUBJECT_WINDOW = Duration.ofDays(60);
  private static final int SUBJECT_CANDIDATES = 20;

  private Threading() {}

  static Optional<ConversationId> find(StorageSession s, TenantId tenant, MailboxId mailbox, ParsedMessage message,
      @Nullable String sender, String subjectKey, Instant now) {
    List<String> answered = answeredIds(message);
    if (!answered.isEmpty()) {
      Map<String, MessageMeta> known = s.messages().findByMessageIds(tenant, mailbox, answered).stream()
          .filter(m -> m.messageIdHeader() != null)
          .collect(Collectors.toMap(MessageMeta::messageIdHeader, Function.identity(), (a, b) -> a));
      for (String id : answered) {
        MessageMeta hit = known.get(id);
        if (hit != null) {
          return Optional.of(hit.conversation());
        }
      }
    }
    if (sender == null || subjectKey.isEmpty() || !Subjects.isReply(message.subject())) {
      return Optional.empty();
    }
    String who = sender.toLowerCase(Locale.ROOT);
    for (MessageMeta m : s.messages().findBySubjectKey(tenant, mailbox, subjectKey, now.minus(SUBJECT_WINDOW),
        SUBJECT_CANDIDATES)) {
      boolean tookPart = m.from().equalsIgnoreCase(who) || m.to().stream().anyMatch(to -> to.equalsIgnoreCase(who));
      if (tookPart) {
        return Optional.of(m.conversation());
      }
    }
    return Optional.empty();
  }

  /** In-Reply-To first, then References newest first, each once. */
  private static List<String> answeredIds(ParsedMessage message) {
    Set<String> ids = new LinkedHashSet<>();
    if (message.inReplyTo() != null) {
      ids.add(message.inReplyTo());
    }
    List<String> references = new ArrayList<>(message.references());
    for (int i = references.size() - 1; i >= 0; i--) {
      ids.add(references.get(i));
    }
    if (message.messageId() != null) {
      ids.remove(message.messageId());
    }
    return ids.stream().filter(id -> id.length() <= MessageIds.MAX_LENGTH).toList();
  }
}
