package org.mastermail.rules.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.Header;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rules.Action;
import org.mastermail.rules.AutoReply;
import org.mastermail.rules.Rule;
import org.mastermail.storage.StorageSession;

/**
 * Automatic replies of one rule run: the loop checks, the per-sender rate limit (a stamp per rule and sender, kept in
 * the routing transaction), and the reply itself.
 */
final class AutoReplies {
  /** Longest state key the storage takes. */
  private static final int MAX_KEY = 500;

  /** What the reply text may mention. */
  record Placeholders(String assignee) {}

  private final IncomingMessage m;
  private final StorageSession session;
  private final Effects effects;
  private final HostCalls host;
  private final Instant now;
  private final List<AutoReply> sent = new ArrayList<>();
  private final List<String> suppressed = new ArrayList<>();
  private @Nullable String away;
  private @Nullable Set<String> ours;
  private @Nullable Optional<Mailbox> mailbox;

  AutoReplies(IncomingMessage m, StorageSession session, Effects effects, HostCalls host, Instant now) {
    this.m = m;
    this.session = session;
    this.effects = effects;
    this.host = host;
    this.now = now;
  }

  /** Remembers the first absence met while assigning, for {@code {absence}}. */
  void away(String text) {
    if (away == null) {
      away = text;
    }
  }

  String send(Action.SendAutoReply a, Rule rule, Placeholders p) {
    String target = m.returnPath() != null && !m.returnPath().isEmpty() ? m.returnPath() : m.from();
    Optional<String> refusal = LoopGuard.refuse(m, target, ourAddresses());
    if (refusal.isPresent()) {
      return suppress(rule, refusal.get());
    }
    String to = target.toLowerCase(Locale.ROOT);
    String key = key(rule, to);
    Optional<Instant> last = effects.stamp(m.tenant(), key);
    if (last.isPresent() && now.isBefore(last.get().plus(Duration.ofDays(a.days())))) {
      return suppress(rule, to + " was answered at " + last.get() + "; at most one reply per " + a.days()
          + " days");
    }
    Optional<Mailbox> box = mailbox();
    if (box.isEmpty()) {
      return suppress(rule, "the mailbox no longer exists");
    }
    String subject = expand(a.subject() == null ? "Automatic reply: {subject}" : a.subject(), p);
    List<Header> headers = new ArrayList<>();
    headers.add(AutoReply.AUTO_SUBMITTED);
    if (m.messageId() != null) {
      String id = "<" + m.messageId() + ">";
      headers.add(new Header("In-Reply-To", id));
      String refs = String.join(" ", m.headers("References")).strip();
      headers.add(new Header("References", refs.isEmpty() ? id : refs + " " + id));
    }
    // asks Exchange and Outlook not to answer our answer with an out-of-office of their own
    headers.add(new Header("X-Auto-Response-Suppress", "All"));
    AutoReply reply = new AutoReply(m.tenant(), m.mailbox(), m.id(), box.get().address(), to,
        oneLine(subject), expand(a.text(), p), headers, rule.id());
    effects.stamp(m.tenant(), key, now);
    host.run("auto-reply sink", () -> effects.reply(reply));
    sent.add(reply);
    return "auto-reply to " + to + ": \"" + reply.subject() + "\"";
  }

  private String suppress(Rule rule, String reason) {
    suppressed.add("rule " + rule.id() + ": " + reason);
    return "auto-reply suppressed: " + reason;
  }

  private static String key(Rule rule, String to) {
    String key = "rules.autoreply." + rule.id() + "." + to;
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(to.getBytes(StandardCharsets.UTF_8));
      return "rules.autoreply." + rule.id() + ".sha256." + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private String expand(String template, Placeholders p) {
    return template.replace("{subject}", m.subject())
        .replace("{from}", m.from())
        .replace("{fromName}", m.fromName() == null ? m.from() : m.fromName())
        .replace("{assignee}", p.assignee())
        .replace("{absence}", away == null ? "" : away)
        .strip();
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ");
  }

  /** The addresses of every mailbox of the tenant, lower-case. */
  Set<String> ourAddresses() {
    if (ours == null) {
      ours = session.mailboxes().list(m.tenant()).stream().map(b -> b.address().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    }
    return ours;
  }

  Optional<Mailbox> mailbox() {
    Optional<Mailbox> box = mailbox;
    if (box == null) {
      box = session.mailboxes().find(m.tenant(), m.mailbox());
      mailbox = box;
    }
    return box;
  }

  List<AutoReply> sent() {
    return sent;
  }

  List<String> suppressed() {
    return suppressed;
  }
}
