package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.message.IncomingMessage;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * The values of a dry run ({@link RuleEngine#dryRun}): a draft rule set tried on past messages, reporting per message
 * what would change, and changing nothing — no conversation, no round-robin position, no reply stamp, no mail.
 *
 * <p>The caller provides the messages ({@link Input}): core has no listing of messages by period, and an
 * {@link IncomingMessage} needs the headers that only intake sees. Round-robin positions are simulated from the first
 * member (the shared counter cannot be read without moving it); least-loaded counts what storage holds now plus the
 * run's own simulated assignments.
 */
public final class DryRun {
  private DryRun() {}

  /** One past message and the conversation it belongs to, as it is now. */
  public record Input(IncomingMessage message, Conversation conversation) {
    public Input {
      requireNonNull(message, "message");
      requireNonNull(conversation, "conversation");
    }
  }

  /**
   * What the draft would change for one message, judged as core would apply it: an assignee only for an unassigned
   * conversation, a status only when different, only tags and links not there yet.
   *
   * @param assignee the new assignee, or null when it would not change
   * @param status the new status, or null when it would not change
   * @param due the new due date, or null when it would not change
   */
  public record Outcome(Input input, @Nullable UserId assignee, @Nullable StatusId status, @Nullable Instant due,
      boolean urgent, Set<String> tagsAdded, Set<EntityRef> linksAdded, List<AutoReply> autoReplies,
      List<Forward> forwards, Explanation explanation) {
    public Outcome {
      requireNonNull(input, "input");
      tagsAdded = Set.copyOf(tagsAdded);
      linksAdded = Set.copyOf(linksAdded);
      autoReplies = List.copyOf(autoReplies);
      forwards = List.copyOf(forwards);
      requireNonNull(explanation, "explanation");
    }

    /** Whether the draft would change anything for this message. */
    public boolean changes() {
      return assignee != null || status != null || due != null || urgent || !tagsAdded.isEmpty()
          || !linksAdded.isEmpty() || !autoReplies.isEmpty() || !forwards.isEmpty();
    }
  }

  /** The outcome for every message tried, in input order. */
  public record Report(List<Outcome> outcomes) {
    public Report {
      outcomes = List.copyOf(outcomes);
    }

    /** The outcomes that change something. */
    public List<Outcome> changed() {
      return outcomes.stream().filter(Outcome::changes).toList();
    }
  }
}
