package org.mastermail.examples.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.conversation.ConversationId;
import org.mastermail.examples.server.config.ServerRules;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Direction;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.rules.Absence;
import org.mastermail.rules.AbsenceAdmin;
import org.mastermail.rules.AutoReply;
import org.mastermail.rules.DryRun;
import org.mastermail.rules.Explanation;
import org.mastermail.rules.Forward;
import org.mastermail.rules.RuleAdmin;
import org.mastermail.rules.RuleSetJson;
import org.mastermail.tenant.UserId;

/**
 * Routing rules and absences under {@code /api/admin/}: the rule set of the tenant or of a mailbox with its version,
 * saving it against the version loaded (409 when someone saved since), trying a draft on the mailbox's newest
 * conversations, explaining why a message was routed as it was, and who is away. {@link RuleAdmin} and
 * {@link AbsenceAdmin} check MANAGE_RULES; the server checks nothing.
 */
final class RuleRoutes {
  /** How many conversations a dry run tries when the request names no limit, and at most. */
  static final int DEFAULT_DRY_RUN = 50;
  static final int MAX_DRY_RUN = 200;

  private static final ObjectMapper JSON = Json.mapper();

  private final MasterMail mm;
  private final ServerRules rules;
  private final RuleAdmin admin;
  private final AbsenceAdmin absences;
  private final Requests requests;

  RuleRoutes(MasterMail mm, ServerRules rules, Requests requests) {
    this.mm = mm;
    this.rules = rules;
    this.admin = RuleAdmin.of(mm);
    this.absences = AbsenceAdmin.of(mm, rules.absences());
    this.requests = requests;
  }

  /** {@code version}: the one loaded, 0 when none was stored. */
  public record SaveBody(@Nullable String mailbox, @Nullable Long version, @Nullable JsonNode rules) {}

  public record DryRunBody(@Nullable String mailbox, @Nullable JsonNode rules, @Nullable Integer limit) {}

  public record AbsenceBody(@Nullable String user, @Nullable Instant until, @Nullable String deputy) {}

  /** A rule set as an editor shows it; version 0 and no rules when none is stored. */
  public record RuleSetJsonView(@Nullable String mailbox, long version, @Nullable Instant updatedAt, JsonNode rules) {}

  public record SavedJson(@Nullable String mailbox, long version) {}

  public record RuleTraceJson(String scope, int position, String id, String name, boolean matched,
      String conditions, List<String> actions) {
    static RuleTraceJson of(Explanation.RuleTrace t) {
      return new RuleTraceJson(t.scope(), t.position(), t.id(), t.name(), t.matched(), t.conditions(), t.actions());
    }
  }

  /** What the rules decide for a message, as core would be asked to apply it. */
  public record DecisionJson(@Nullable String assignee, @Nullable String status, @Nullable Instant dueAt,
      boolean urgent, List<String> tags, List<ApiJson.LinkJson> links) {
    static DecisionJson of(RoutingDecision d) {
      return new DecisionJson(d.assignee() == null ? null : d.assignee().toString(),
          d.status() == null ? null : d.status().toString(), d.due(), d.urgent(), d.tags().stream().sorted().toList(),
          d.links().stream().map(ApiJson.LinkJson::of).toList());
    }
  }

  public record ExplanationJson(String message, List<RuleTraceJson> rules, List<String> matched, @Nullable String assignment, DecisionJson decision,
      List<String> autoReplies, List<String> suppressedReplies, List<String> forwards, int rulesTested,
      int rulesTotal, List<String> lines) {
    static ExplanationJson of(MessageId message, Explanation e) {
      return new ExplanationJson(message.toString(), e.rules().stream().map(RuleTraceJson::of).toList(),
          e.matched().stream().map(Explanation.RuleTrace::id).toList(), e.assignment(),
          DecisionJson.of(e.decision()), e.autoReplies().stream().map(AutoReply::to).toList(),
          e.suppressedReplies(), e.forwards().stream().map(Forward::to).toList(), e.rulesTested(), e.rulesTotal(),
          e.lines());
    }
  }

  /** One conversation tried: what would change ({@code changes} false: nothing), and by which rules. */
  public record OutcomeJson(String conversation, String message, String subject, String from, boolean changes,
      @Nullable String assignee, @Nullable String status, @Nullable Instant dueAt, boolean urgent,
      List<String> tagsAdded, List<ApiJson.LinkJson> linksAdded, List<String> autoReplies, List<String> forwards,
      List<String> matched, List<String> lines) {
    static OutcomeJson of(DryRun.Outcome o) {
      IncomingMessage m = o.input().message();
      return new OutcomeJson(o.input().conversation().id().toString(), m.id().toString(), m.subject(), m.from(),
          o.changes(), o.assignee() == null ? null : o.assignee().toString(),
          o.status() == null ? null : o.status().toString(), o.due(), o.urgent(),
          o.tagsAdded().stream().sorted().toList(), o.linksAdded().stream().map(ApiJson.LinkJson::of).toList(),
          o.autoReplies().stream().map(AutoReply::to).toList(), o.forwards().stream().map(Forward::to).toList(),
          o.explanation().matched().stream().map(Explanation.RuleTrace::id).toList(), o.explanation().lines());
    }
  }

  public record DryRunJson(@Nullable String mailbox, int tried, int changed, List<OutcomeJson> outcomes) {}

  public record AbsenceJson(String user, @Nullable Instant until, @Nullable String deputy) {
    static AbsenceJson of(Absence a) {
      return new AbsenceJson(a.user().toString(), a.until(), a.deputy() == null ? null : a.deputy().toString());
    }
  }

  void register(RoutesConfig routes) {
    routes.get("/api/admin/rules", this::load);
    routes.post("/api/admin/rules", this::save);
    routes.post("/api/admin/rules/dry-run", this::dryRun);
    routes.get("/api/admin/rules/explain", this::explain);

    routes.get("/api/admin/absences", ctx -> ctx.json(absences.list(Access.actor(ctx)).stream()
        .map(AbsenceJson::of).toList()));
    routes.post("/api/admin/absences", ctx -> {
      AbsenceBody b = requests.body(ctx, AbsenceBody.class);
      Absence a = absences.set(UserId.of(Requests.required(b.user(), "user")), b.until(),
          b.deputy() == null ? null : UserId.of(b.deputy()), Access.actor(ctx));
      ctx.json(AbsenceJson.of(a));
    });
    routes.post("/api/admin/absences/{user}/clear", ctx -> {
      absences.clear(UserId.of(ctx.pathParam("user")), Access.actor(ctx));
      ctx.status(204);
    });
  }

  private void load(Context ctx) {
    MailboxId mailbox = mailbox(Requests.query(ctx, "mailbox"));
    Optional<RuleAdmin.Versioned> stored = admin.load(mailbox, Access.actor(ctx));
    JsonNode tree = tree(stored.map(v -> RuleSetJson.write(v.rules())).orElse("{\"rules\": []}"));
    ctx.json(new RuleSetJsonView(text(mailbox), stored.map(RuleAdmin.Versioned::version).orElse(0L),
        stored.map(RuleAdmin.Versioned::updatedAt).orElse(null), tree));
  }

  private void save(Context ctx) {
    SaveBody b = requests.body(ctx, SaveBody.class);
    MailboxId mailbox = mailbox(b.mailbox());
    long version = Requests.required(b.version(), "version (the one loaded, 0 when none was stored)");
    JsonNode tree = Requests.required(b.rules(), "rules");
    long saved = admin.saveJson(mailbox, tree.toString(), version, Access.actor(ctx));
    ctx.json(new SavedJson(text(mailbox), saved));
  }

  private void dryRun(Context ctx) {
    DryRunBody b = requests.body(ctx, DryRunBody.class);
    MailboxId mailbox = mailbox(b.mailbox());
    int limit = b.limit() == null ? DEFAULT_DRY_RUN : b.limit();
    if (limit < 1 || limit > MAX_DRY_RUN) {
      throw new InvalidInputException("limit must be 1 to " + MAX_DRY_RUN + ", was " + limit);
    }
    JsonNode draft = Requests.required(b.rules(), "rules");
    DryRun.Report report = admin.dryRun(rules.engine(), mailbox, RuleSetJson.parse(draft.toString()), limit,
        Access.actor(ctx));
    ctx.json(new DryRunJson(text(mailbox), report.outcomes().size(), report.changed().size(),
        report.outcomes().stream().map(OutcomeJson::of).toList()));
  }

  /**
   * {@code ?message=} explains that message; {@code ?conversation=} the latest message received in it. Picking the
   * message is the server's; whether the user may see it and the rules is core's and RuleAdmin's.
   */
  private void explain(Context ctx) {
    Actor actor = Access.actor(ctx);
    String message = Requests.query(ctx, "message");
    String conversation = Requests.query(ctx, "conversation");
    if ((message == null) == (conversation == null)) {
      throw new InvalidInputException("name either message or conversation, such as ?conversation=<id>");
    }
    MessageId id;
    if (message != null) {
      id = MessageId.of(message);
    } else {
      ConversationId in = ConversationId.of(conversation);
      List<MessageMeta> received = mm.triage().get(in, actor).messages().stream()
          .filter(m -> m.direction() == Direction.INCOMING).toList();
      if (received.isEmpty()) {
        throw new InvalidInputException("conversation " + in + " has no received message: nothing was routed");
      }
      id = received.get(received.size() - 1).id();
    }
    ctx.json(ExplanationJson.of(id, admin.explain(rules.engine(), id, actor)));
  }

  private static @Nullable MailboxId mailbox(@Nullable String value) {
    return value == null || value.isBlank() ? null : MailboxId.of(value.strip());
  }

  private static @Nullable String text(@Nullable MailboxId mailbox) {
    return mailbox == null ? null : mailbox.toString();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rule set written by RuleSetJson is JSON", e);
    }
  }
}
