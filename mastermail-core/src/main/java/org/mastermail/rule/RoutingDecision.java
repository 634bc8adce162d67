package org.mastermail.rule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.EntityRef;
import org.mastermail.outbound.SystemMail;
import org.mastermail.status.StatusId;
import org.mastermail.tenant.UserId;

/**
 * What a {@link Router} decided for one message. Intake applies it in the archiving transaction: the assignee only to
 * an unassigned conversation (a reply stays with whoever has it), then status, due date, tags and links, each as an
 * event; the {@code trace} (which rules matched, which conditions failed, why this assignee) is kept as the
 * {@code ROUTED} event, so every routed message can be explained later. Its {@code mail} (automatic replies,
 * internal forwards) is queued for sending in the same transaction, and its {@code notes} are added to the
 * conversation as notes without an author.
 */
public record RoutingDecision(@Nullable UserId assignee, @Nullable StatusId status, @Nullable Instant due,
    boolean urgent, Set<String> tags, Set<EntityRef> links, List<String> trace, List<SystemMail> mail,
    List<String> notes) {
  public static final RoutingDecision NOTHING = new RoutingDecision(null, null, null, false, Set.of(), Set.of(),
      List.of());

  public RoutingDecision {
    tags = Set.copyOf(requireNonNull(tags, "tags"));
    links = Set.copyOf(requireNonNull(links, "links"));
    trace = List.copyOf(requireNonNull(trace, "trace"));
    mail = List.copyOf(requireNonNull(mail, "mail"));
    notes = List.copyOf(requireNonNull(notes, "notes"));
  }

  /** A decision that sends no mail. */
  public RoutingDecision(@Nullable UserId assignee, @Nullable StatusId status, @Nullable Instant due, boolean urgent,
      Set<String> tags, Set<EntityRef> links, List<String> trace) {
    this(assignee, status, due, urgent, tags, links, trace, List.of(), List.of());
  }

  /** Whether the decision changes nothing and explains nothing. */
  public boolean empty() {
    return assignee == null && status == null && due == null && !urgent && tags.isEmpty() && links.isEmpty()
        && trace.isEmpty() && mail.isEmpty() && notes.isEmpty();
  }
}
