package org.mastermail.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.message.IncomingMessage;
import org.mastermail.outbound.SystemMail;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.rules.Action;
import org.mastermail.rules.Contact;
import org.mastermail.rules.Explanation;
import org.mastermail.rules.Forward;
import org.mastermail.rules.Rule;
import org.mastermail.rules.TextMatch;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.User;

/**
 * One run of the rules over one message: tests the candidate rules in order, carries out the actions of those that
 * match, and writes down why. The first rule to choose an assignee, a status or a due date wins; tags, links, notes,
 * forwards and replies add up; stop ends the run.
 */
final class Evaluation {
  /** Non-matching rules written into the stored trace at most; the structured explanation keeps them all. */
  static final int MAX_MISSES_IN_TRACE = 50;

  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");

  private final Settings settings;
  private final MessageView view;
  private final IncomingMessage m;
  private final Conversation conversation;
  private final StorageSession session;
  private final Effects effects;
  private final Instant now;
  private final People people;
  private final AutoReplies replies;
  private final boolean detailed;
  private final HostCalls host = new HostCalls();

  private @Nullable User assignee;
  private @Nullable String assignment;
  private @Nullable String assigneeRule;
  private boolean triedToAssign;
  private @Nullable Status status;
  private @Nullable String statusRule;
  private boolean dueSet;
  private @Nullable String dueRule;
  private @Nullable Instant due;
  private boolean urgent;
  private final Set<String> tags = new LinkedHashSet<>();
  private final Set<EntityRef> links = new LinkedHashSet<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Forward> forwards = new ArrayList<>();
  /** Sized for the usual trace: a line per set, the failed rules shown, a few matches and their actions. */
  private final List<String> lines = new ArrayList<>(MAX_MISSES_IN_TRACE + 14);
  private final List<Explanation.RuleTrace> traces = new ArrayList<>();
  private boolean stopped;
  private int tested;
  private int total;
  private int missesShown;
  private @Nullable List<Status> statuses;

  /**
   * @param detailed whether every tested rule is reported with its reason in {@link Explanation#rules()} (explain,
   *     dry run), or only the trace lines are made, with the reasons of the failed rules they show (routing, which
   *     keeps nothing but the decision and its trace)
   */
  Evaluation(Settings settings, IncomingMessage message, Conversation conversation, StorageSession session,
      Effects effects, boolean detailed) {
    this.detailed = detailed;
    this.settings = settings;
    this.m = message;
    this.view = new MessageView(message, settings.directory(), settings.zone(), host);
    this.conversation = conversation;
    this.session = session;
    this.effects = effects;
    this.now = settings.clock().instant();
    this.people = new People(session, settings.directory(), host, message.tenant(), now, settings.zone());
    this.replies = new AutoReplies(message, session, effects, host, now);
  }

  Explanation run(List<CompiledRules> sets) {
    for (CompiledRules set : sets) {
      total += set.total();
      if (set.error != null) {
        lines.add(set.scope + " rules v" + set.version + " cannot be used: " + set.error);
        continue;
      }
      if (stopped) {
        lines.add(set.scope + " rules v" + set.version + ": not tested (stopped)");
        continue;
      }
      List<CompiledRules.Entry> candidates = settings.indexed() ? set.candidates(view) : set.entries;
      lines.add(set.scope + " rules v" + set.version + ": " + candidates.size() + " of " + set.total()
          + " rules are candidates (the index rules out the others by sender and recipient)");
      for (CompiledRules.Entry e : candidates) {
        runRule(set.scope, e);
        if (stopped) {
          break;
        }
      }
    }
    host.failures().forEach(failure -> lines.add("warning: " + failure));
    if (missesShown > MAX_MISSES_IN_TRACE) {
      lines.add("(" + (missesShown - MAX_MISSES_IN_TRACE) + " more rules did not match; explain() lists them)");
    }
    if (assignment != null) {
      lines.add("assignee: " + assignment);
    } else if (triedToAssign) {
      lines.add("assignee: none, the conversation stays unassigned for the team");
    }
    RoutingDecision decision = new RoutingDecision(assignee == null ? null : assignee.id(),
        status == null ? null : status.id(), due, urgent, tags, links, lines, mail(), notes);
    return new Explanation(decision, traces, assignment, replies.sent(), replies.suppressed(), forwards, notes,
        tested, total);
  }

  private void runRule(String scope, CompiledRules.Entry e) {
    tested++;
    Rule rule = e.rule();
    Pred.Result r = e.when().test(view);
    if (!r.ok()) {
      boolean shown = ++missesShown <= MAX_MISSES_IN_TRACE;
      if (detailed) {
        String why = r.why();
        if (shown) {
          lines.add(e.missed() + why);
        }
        traces.add(new Explanation.RuleTrace(scope, e.position() + 1, rule.id(), rule.name(), false, why, List.of()));
      } else if (shown) {
        lines.add(r.why(e.missed()));
      }
      return;
    }
    String why = r.why();
    lines.add(e.label() + ": yes — " + why);
    List<String> done = new ArrayList<>();
    for (Action a : rule.actions()) {
      String what = apply(a, rule);
      done.add(what);
      lines.add("  " + what);
      if (stopped) {
        break;
      }
    }
    if (detailed) {
      traces.add(new Explanation.RuleTrace(scope, e.position() + 1, rule.id(), rule.name(), true, why, done));
    }
  }

  private String apply(Action a, Rule rule) {
    if (a instanceof Action.Assign assign) {
      return assign(assign, rule);
    } else if (a instanceof Action.AssignTeam team) {
      String skip = assignmentSkipped("assign team " + team.name());
      return skip != null ? skip : Teams.assign(team, rule, this);
    } else if (a instanceof Action.AssignAccountManager) {
      return accountManager(rule);
    } else if (a instanceof Action.SetStatus set) {
      return setStatus(set.status(), rule, "status");
    } else if (a instanceof Action.SetDue d) {
      return setDue(d, rule);
    } else if (a instanceof Action.Tag tag) {
      tags.addAll(tag.tags());
      return "tag " + String.join(", ", tag.tags());
    } else if (a instanceof Action.Link link) {
      return link(link);
    } else if (a instanceof Action.LinkContact) {
      Optional<Contact> contact = view.contact();
      if (contact.isEmpty() || contact.get().entity() == null) {
        return "link contact: " + (contact.isEmpty() ? "sender is not a known contact" : "contact has no entity");
      }
      links.add(contact.get().entity());
      return "link " + contact.get().entity();
    } else if (a instanceof Action.Note note) {
      notes.add(note.text());
      return "note: " + note.text();
    } else if (a instanceof Action.ForwardTo forward) {
      return forward(forward, rule);
    } else if (a instanceof Action.MarkSpam spam) {
      tags.add(spam.tag());
      return "mark spam: tag " + spam.tag() + "; " + setStatus(spam.status(), rule, "status");
    } else if (a instanceof Action.SendAutoReply reply) {
      return replies.send(reply, rule, placeholders());
    } else if (a instanceof Action.Stop) {
      stopped = true;
      return "stop: no further rules";
    }
    throw new IllegalStateException("unknown action " + a);
  }

  /** Why an assignment action is skipped, or null when it runs. */
  @Nullable String assignmentSkipped(String what) {
    triedToAssign = true;
    if (assignee != null) {
      return what + ": skipped, rule " + assigneeRule + " chose the assignee already";
    }
    if (!conversation.unassigned()) {
      String holder = people.byId(conversation.assignee()).map(People::name).orElse(conversation.assignee().toString());
      return what + ": skipped, the conversation stays with " + holder;
    }
    return null;
  }

  private String assign(Action.Assign assign, Rule rule) {
    String what = "assign " + assign.user();
    String skip = assignmentSkipped(what);
    if (skip != null) {
      return skip;
    }
    Optional<User> user = people.byReference(assign.user());
    if (user.isEmpty()) {
      return what + ": no such user";
    }
    return assignStandIn(what, user.get(), rule, "named by the rule");
  }

  private String accountManager(Rule rule) {
    String what = "assign account manager";
    String skip = assignmentSkipped(what);
    if (skip != null) {
      return skip;
    }
    Optional<Contact> contact = view.contact();
    if (contact.isEmpty()) {
      return what + ": sender " + view.from() + " is not a known contact";
    }
    if (contact.get().accountManager() == null) {
      return what + ": contact " + contact.get().address() + " has no account manager";
    }
    Optional<User> manager = people.byId(contact.get().accountManager());
    if (manager.isEmpty()) {
      return what + ": account manager " + contact.get().accountManager() + " is not a user";
    }
    return assignStandIn(what, manager.get(), rule, "account manager of " + contact.get().address());
  }

  /** Assigns {@code target} or their deputy. */
  private String assignStandIn(String what, User target, Rule rule, String reason) {
    StringBuilder why = new StringBuilder();
    User chosen = people.standIn(target, why);
    people.absence(target.id()).ifPresent(a -> replies.away(target.displayName() + " is away" + people.until(a) + "; "
        + (chosen == null ? "our team" : chosen.displayName()) + " handles your message."));
    if (chosen == null) {
      return what + ": " + why + " — left unassigned";
    }
    String how = chosen.equals(target) ? reason : reason + "; " + why + "→ " + chosen.displayName() + " stands in";
    choose(chosen, rule, how);
    return what + " → " + People.name(chosen) + (chosen.equals(target) ? "" : " (" + why + "stands in)");
  }

  /** Records the assignee chosen by {@code rule}. */
  void choose(User user, Rule rule, String how) {
    assignee = user;
    assigneeRule = rule.id();
    assignment = People.name(user) + " by rule " + rule.id() + ": " + how;
    effects.assigned(user.id());
  }

  private String setStatus(@Nullable String name, Rule rule, String what) {
    if (status != null) {
      return what + ": skipped, rule " + statusRule + " set " + status.name() + " already";
    }
    Status found = null;
    for (Status s : statuses()) {
      if (name == null ? s.category() == StatusCategory.CLOSED : s.name().equalsIgnoreCase(name)) {
        found = s;
        break;
      }
    }
    if (found == null) {
      return what + ": " + (name == null ? "the tenant has no closed status" : "no status named \"" + name + "\"");
    }
    status = found;
    statusRule = rule.id();
    return what + " → " + found.name();
  }

  List<Status> statuses() {
    if (statuses == null) {
      statuses = session.statuses().list(m.tenant());
    }
    return statuses;
  }

  private String setDue(Action.SetDue d, Rule rule) {
    if (dueSet) {
      return "due: skipped, rule " + dueRule + " set it already";
    }
    ZoneId zone = d.zone() == null ? settings.zone() : d.zone();
    Instant at = null;
    if (d.in() != null) {
      at = now.plus(d.in());
    } else if (d.endOfDay()) {
      at = LocalDate.ofInstant(now, zone).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    } else if (d.at() != null) {
      ZonedDateTime today = LocalDate.ofInstant(now, zone).atTime(d.at()).atZone(zone);
      at = (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }
    dueSet = true;
    dueRule = rule.id();
    due = at;
    urgent = d.urgent();
    return "due " + (at == null ? "unchanged" : at.atZone(zone).toLocalDateTime() + " " + zone.getId())
        + (d.urgent() ? ", urgent" : "");
  }

  private String link(Action.Link link) {
    List<String> sources;
    switch (link.source()) {
      case SUBJECT:
        sources = List.of(view.subject());
        break;
      case BODY:
        sources = List.of(view.body());
        break;
      case FROM:
        sources = List.of(view.from());
        break;
      default:
        sources = m.headers(link.header() == null ? "" : link.header());
    }
    Pattern p = TextMatch.compile(link.regex());
    for (String text : sources) {
      Matcher matcher = p.matcher(BoundedText.of(text));
      boolean found;
      try {
        found = matcher.find();
      } catch (BoundedText.GaveUp e) {
        return "link " + link.type() + ": " + e.getMessage();
      }
      if (found && matcher.group(link.group()) != null) {
        String id = matcher.group(link.group()).strip();
        try {
          EntityRef ref = EntityRef.of(link.type(), id);
          links.add(ref);
          return "link " + ref;
        } catch (InvalidInputException | IllegalArgumentException e) {
          return "link " + link.type() + ": '" + Preds.shorten(id) + "' is not a valid id (" + e.getMessage() + ")";
        }
      }
    }
    return "link " + link.type() + ": no match for " + link.regex() + " in " + link.source().json();
  }

  private String forward(Action.ForwardTo forward, Rule rule) {
    String to = forward.to().toLowerCase(Locale.ROOT);
    boolean colleague = people.byReference(to).filter(User::active).isPresent();
    if (!colleague && !replies.ourAddresses().contains(to)) {
      return "forward to " + to + ": refused, not a user or mailbox of this tenant";
    }
    Forward f = new Forward(m.tenant(), m.mailbox(), m.id(), conversation.id(), to, rule.id());
    forwards.add(f);
    host.run("forward sink", () -> effects.forward(f));
    return "forward to " + to;
  }

  /** The replies and forwards decided, as mail for core to queue in the archiving transaction. */
  private List<SystemMail> mail() {
    if (replies.sent().isEmpty() && forwards.isEmpty()) {
      return List.of();
    }
    List<SystemMail> mail = new ArrayList<>();
    List<String> thread = new ArrayList<>();
    Matcher ids = MESSAGE_ID.matcher(String.join(" ", m.headers("References")));
    while (ids.find()) {
      thread.add(ids.group(1));
    }
    if (m.messageId() != null && !thread.contains(m.messageId())) {
      thread.add(m.messageId());
    }
    for (org.mastermail.rules.AutoReply r : replies.sent()) {
      mail.add(new SystemMail(r.mailbox(), List.of(r.to()), r.subject(), r.text(), m.messageId(),
          m.messageId() == null ? List.of() : thread, true));
    }
    for (Forward f : forwards) {
      String text = "Forwarded by rule " + f.rule() + ".\n\nFrom: " + m.from() + "\nTo: " + String.join(", ", m.to())
          + "\nSubject: " + m.subject() + "\n\n" + m.text();
      mail.add(new SystemMail(f.mailbox(), List.of(f.to()), "Fwd: " + m.subject(), text, null, List.of(), false));
    }
    return mail;
  }

  private AutoReplies.Placeholders placeholders() {
    return new AutoReplies.Placeholders(assignee == null ? "our team" : assignee.displayName());
  }

  // for the strategies

  People people() {
    return people;
  }

  Effects effects() {
    return effects;
  }

  Settings settings() {
    return settings;
  }

  StorageSession session() {
    return session;
  }

  IncomingMessage message() {
    return m;
  }

  static String names(List<User> users) {
    return users.stream().map(User::displayName).collect(Collectors.joining(", "));
  }

  Optional<Mailbox> mailbox() {
    return replies.mailbox();
  }
}
