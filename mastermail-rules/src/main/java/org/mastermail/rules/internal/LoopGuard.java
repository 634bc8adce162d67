package org.mastermail.rules.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.message.Header;
import org.mastermail.message.IncomingMessage;

/**
 * Whether a message may get an automatic reply at all: the checks of RFC 3834 and of Sieve vacation (RFC 5230), so
 * that replies never answer robots, lists, bounces or ourselves.
 */
final class LoopGuard {
  private static final Set<String> BULK = Set.of("bulk", "junk", "list");
  private static final Set<String> ROBOT_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "no-reply", "noreply",
      "do-not-reply", "donotreply", "no_reply", "listserv", "majordomo");

  private LoopGuard() {}

  /**
   * Why {@code m} must not be answered automatically, or empty when it may be.
   *
   * @param target where the reply would go
   * @param ours addresses of the tenant's own mailboxes, lower-case
   */
  static Optional<String> refuse(IncomingMessage m, @Nullable String target, Set<String> ours) {
    if ("".equals(m.returnPath())) {
      return Optional.of("Return-Path is <> (a bounce or another automatic message)");
    }
    for (String value : m.headers("Auto-Submitted")) {
      String kind = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!kind.equals("no")) {
        return Optional.of("Auto-Submitted: " + value.strip());
      }
    }
    for (Header h : m.headers()) {
      if (h.name().toLowerCase(Locale.ROOT).startsWith("list-")) {
        return Optional.of("mailing list header " + h.name());
      }
    }
    for (String value : m.headers("Precedence")) {
      if (BULK.contains(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of("Precedence: " + value.strip());
      }
    }
    for (String value : m.headers("X-Auto-Response-Suppress")) {
      for (String token : value.split(",")) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all") || t.equals("oof") || t.equals("autoreply")) {
          return Optional.of("X-Auto-Response-Suppress: " + value.strip());
        }
      }
    }
    if (target == null || target.isBlank()) {
      return Optional.of("the message names no sender to answer");
    }
    for (String address : new String[] {m.from(), target}) {
      String robot = robot(address);
      if (robot != null) {
        return Optional.of("sender " + address + " is " + robot);
      }
      if (ours.contains(address.toLowerCase(Locale.ROOT))) {
        return Optional.of("sender " + address + " is one of our own mailboxes");
      }
    }
    if (m.headers("X-Spam-Flag").stream().anyMatch(v -> v.strip().equalsIgnoreCase("yes"))) {
      return Optional.of("the message is flagged as spam (its sender is likely forged)");
    }
    return Optional.empty();
  }

  /** What kind of robot {@code address} belongs to, or null for a person. */
  static @Nullable String robot(String address) {
    int at = address.lastIndexOf('@');
    String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    if (local.isEmpty()) {
      return null;
    }
    if (ROBOT_LOCAL_PARTS.contains(local) || local.startsWith("noreply") || local.startsWith("no-reply")) {
      return "an automatic sender (" + local + ")";
    }
    if (local.startsWith("owner-")) {
      return "a list owner address (owner-)";
    }
    if (local.endsWith("-request")) {
      return "a list request address (-request)";
    }
    return null;
  }
}
