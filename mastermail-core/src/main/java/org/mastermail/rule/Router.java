package org.mastermail.rule;

import org.mastermail.conversation.Conversation;
import org.mastermail.message.IncomingMessage;
import org.mastermail.storage.StorageSession;

/**
 * Decides what happens to each incoming message (SPI). Intake calls it inside the archiving transaction, after the
 * message is threaded, and applies the decision in that same transaction: routing outcomes commit with the message or
 * not at all. Without a router every new conversation stays unassigned (NA).
 *
 * <p>A router reads what it needs (rule sets, load counts, round-robin counters) through {@code session}, which is
 * the archiving transaction's; it must not change conversations itself — that is what the decision is for.
 */
@FunctionalInterface
public interface Router {
  /** What to do with {@code message}, now part of {@code conversation}. */
  RoutingDecision route(IncomingMessage message, Conversation conversation, StorageSession session);

  /** The router of a library without rules: decides nothing. */
  Router NONE = (message, conversation, session) -> RoutingDecision.NOTHING;
}
