package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * What a matching {@link Rule} does. The first rule that picks an assignee, a status or a due date wins (specific rules
 * go first, catch-all ones last); tags, links, notes, forwards and auto-replies add up; {@link Stop} ends the run,
 * the mailbox's rules included. Users are named by e-mail address or user id.
 */
public sealed interface Action {
  /** Assigns the conversation to {@code user} (or their deputy while they are away). */
  record Assign(String user) implements Action {
    public Assign {
      user = reference(user, "user");
    }
  }

  /** How {@link AssignTeam} picks one member. */
  enum Strategy {
    /** In turn, with the position kept in the database, so that every node shares one rotation. */
    ROUND_ROBIN("roundRobin"),
    /** The member with the fewest conversations not closed, below {@code capacity} if set. */
    LEAST_LOADED("leastLoaded"),
    /** Any available member. */
    RANDOM("random");

    private final String json;

    Strategy(String json) {
      this.json = json;
    }

    /** The JSON name of the strategy. */
    public String json() {
      return json;
    }
  }

  /**
   * Assigns to one member of a team, absent members skipped. The members are {@code members} or, when that is empty,
   * the host {@link Directory}'s team {@code name}; {@code name} also names the shared round-robin position.
   *
   * @param capacity for {@link Strategy#LEAST_LOADED}: members holding this many open conversations get no more
   */
  record AssignTeam(String name, List<String> members, Strategy strategy, @Nullable Integer capacity)
      implements Action {
    public AssignTeam {
      requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
        throw new InvalidInputException("a team name is 1 to 100 of A-Z a-z 0-9 . _ -, was '" + name + "'");
      }
      members = members.stream().map(m -> reference(m, "member")).distinct().toList();
      requireNonNull(strategy, "strategy");
      if (capacity != null && capacity < 1) {
        throw new InvalidInputException("capacity must be at least 1, was " + capacity);
      }
    }
  }

  /** Assigns to the sender's account manager, as the host {@link Directory} knows them. */
  record AssignAccountManager() implements Action {}

  /** Moves the conversation to the tenant's status named {@code status} (ignoring case). */
  record SetStatus(String status) implements Action {
    public SetStatus {
      status = nonBlank(status, "status");
    }
  }

  /**
   * Sets a due date, reckoned from now on the engine's clock: {@code in} a duration, at {@code at} o'clock today (or
   * tomorrow when that has passed), or at the {@code endOfDay}, in {@code zone} (null: the engine's default zone); at
   * most one of the three, none for urgency alone.
   */
  record SetDue(@Nullable Duration in, @Nullable LocalTime at, boolean endOfDay, boolean urgent,
      @Nullable ZoneId zone) implements Action {
    public SetDue {
      int given = (in == null ? 0 : 1) + (at == null ? 0 : 1) + (endOfDay ? 1 : 0);
      if (given > 1) {
        throw new InvalidInputException("give at most one of 'in', 'at' and 'endOfDay'");
      }
      if (given == 0 && !urgent) {
        throw new InvalidInputException("needs 'in', 'at', 'endOfDay' or 'urgent'");
      }
      if (in != null && (in.isNegative() || in.isZero())) {
        throw new InvalidInputException("'in' must be positive, was " + in);
      }
    }

    /** Urgent, due at the end of today. */
    public static SetDue urgentToday() {
      return new SetDue(null, null, true, true, null);
    }
  }

  /** Adds tags. */
  record Tag(List<String> tags) implements Action {
    public Tag {
      if (tags.isEmpty()) {
        throw new InvalidInputException("needs at least one tag");
      }
      tags = tags.stream().map(t -> {
        String clean = nonBlank(t, "tag");
        if (clean.length() > 64) {
          throw new InvalidInputException("a tag has at most 64 characters: '" + t + "'");
        }
        return clean;
      }).distinct().toList();
    }
  }

  /** Where {@link Link} looks for the entity's id. */
  enum LinkSource {
    SUBJECT("subject"),
    BODY("body"),
    FROM("from"),
    HEADER("header");

    private final String json;

    LinkSource(String json) {
      this.json = json;
    }

    /** The JSON name of the source. */
    public String json() {
      return json;
    }
  }

  /**
   * Links the conversation to the host entity of {@code type} whose id is capture {@code group} of {@code regex} found
   * in {@code source} (the header {@code header} for {@link LinkSource#HEADER}): a case number from the subject.
   */
  record Link(String type, LinkSource source, @Nullable String header, String regex, int group) implements Action {
    public Link {
      type = nonBlank(type, "type");
      requireNonNull(source, "source");
      if ((source == LinkSource.HEADER) != (header != null)) {
        throw new InvalidInputException("'header' is required for source header and only for it");
      }
      int groups = TextMatch.compile(requireNonNull(regex, "regex")).matcher("").groupCount();
      if (group < 0 || group > groups) {
        throw new InvalidInputException("the pattern has " + groups + " groups, group " + group + " asked for");
      }
    }
  }

  /** Links the conversation to the sender's contact entity from the host {@link Directory}. */
  record LinkContact() implements Action {}

  /**
   * Records a note for the team. Core has no system notes yet, so the note goes into the routing trace (the
   * conversation's {@code ROUTED} event).
   */
  record Note(String text) implements Action {
    public Note {
      text = nonBlank(text, "note");
    }
  }

  /** Hands a copy to a colleague or another mailbox of the tenant (never outside the tenant). */
  record ForwardTo(String to) implements Action {
    public ForwardTo {
      to = reference(to, "address");
      if (!to.contains("@")) {
        throw new InvalidInputException("not an e-mail address: '" + to + "'");
      }
    }
  }

  /** Tags the conversation as spam and moves it to {@code status} (null: the tenant's first closed status). */
  record MarkSpam(String tag, @Nullable String status) implements Action {
    public static final String DEFAULT_TAG = "spam";

    public MarkSpam {
      tag = nonBlank(tag, "tag");
    }
  }

  /**
   * Answers the sender automatically, at most once per {@code days} per sender and rule, never to automatic or list
   * mail (RFC 3834). In {@code subject} and {@code text}, {@code {subject}}, {@code {from}}, {@code {assignee}} and
   * {@code {absence}} ("Alice is away until 2026-03-10; Bob handles your message.") are replaced; put the action after
   * the assignment it should speak of.
   *
   * @param subject null: "Automatic reply: " and the original subject
   */
  record SendAutoReply(@Nullable String subject, String text, int days) implements Action {
    public static final int DEFAULT_DAYS = 7;

    public SendAutoReply {
      text = nonBlank(text, "text");
      if (days < 1 || days > 365) {
        throw new InvalidInputException("days must be 1 to 365, was " + days);
      }
    }
  }

  /** Ends the run: no later rule, of this rule set or the mailbox's, is looked at. */
  record Stop() implements Action {}

  private static String reference(String value, String what) {
    String clean = nonBlank(value, what).toLowerCase(Locale.ROOT);
    if (clean.length() > 320) {
      throw new InvalidInputException("not a valid " + what + ": '" + value + "'");
    }
    return clean;
  }

  private static String nonBlank(String value, String what) {
    requireNonNull(value, what);
    String clean = value.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException(what + " must not be blank");
    }
    return clean;
  }
}
