package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.NotFoundException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationDetails;
import org.mastermail.conversation.ConversationFilter;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.ConversationSummary;
import org.mastermail.conversation.Sort;
import org.mastermail.conversation.View;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.Direction;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageId;
import org.mastermail.message.MessageMeta;
import org.mastermail.permission.Permission;
import org.mastermail.rule.StoredRules;
import org.mastermail.status.Status;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Loads and saves rule sets through a {@link MasterMail}'s storage; a save applies to the next message routed, on
 * every node, without a restart.
 *
 * <pre>{@code
 * RuleAdmin rules = RuleAdmin.of(mm);
 * long version = rules.save(tenant, null, RuleSetJson.parse(json), 0);   // 0: no rule set stored yet
 * RuleAdmin.Versioned current = rules.load(tenant, null).orElseThrow();
 * rules.save(tenant, null, edited, current.version());                 // ConflictException if someone saved since
 * }</pre>
 *
 * <p>The methods taking an {@code Actor} check that the actor holds {@code MANAGE_RULES} (use them for anything a
 * user does); those taking a tenant are host operations, like creating a tenant. A user also explains routings and
 * tries drafts on past mail here ({@link #explain}, {@link #dryRun}), seeing only the mail core lets them see.
 */
public final class RuleAdmin {
  private final Storage storage;
  private final Clock clock;
  private final @Nullable MasterMail mm;

  /** Host operations only: the methods taking an actor need {@link #of(MasterMail)}. */
  public RuleAdmin(Storage storage, Clock clock) {
    this(storage, clock, null);
  }

  private RuleAdmin(Storage storage, Clock clock, @Nullable MasterMail mm) {
    this.storage = requireNonNull(storage, "storage");
    this.clock = requireNonNull(clock, "clock");
    this.mm = mm;
  }

  public static RuleAdmin of(MasterMail mm) {
    return new RuleAdmin(mm.storage(), mm.clock(), mm);
  }

  /**
   * {@link #load} for a user: needs {@code MANAGE_RULES}.
   *
   * @throws org.mastermail.PermissionDeniedException when the actor lacks it
   */
  public Optional<Versioned> load(@Nullable MailboxId mailbox, Actor actor) {
    requireManageRules(actor);
    requireMailbox(mailbox, actor);
    return load(actor.tenant(), mailbox);
  }

  /**
   * {@link #save} for a user: needs {@code MANAGE_RULES}; the rules go into the actor's tenant.
   *
   * @throws org.mastermail.PermissionDeniedException when the actor lacks it (nothing is saved)
   */
  public long save(@Nullable MailboxId mailbox, RuleSet rules, long expectedVersion, Actor actor) {
    requireManageRules(actor);
    requireMailbox(mailbox, actor);
    return save(actor.tenant(), mailbox, rules, expectedVersion);
  }

  /** {@link #saveJson} for a user: needs {@code MANAGE_RULES}. */
  public long saveJson(@Nullable MailboxId mailbox, String json, long expectedVersion, Actor actor) {
    requireManageRules(actor);
    requireMailbox(mailbox, actor);
    return saveJson(actor.tenant(), mailbox, json, expectedVersion);
  }

  /**
   * Why {@code message} was (or would now be) routed as it was, by the rule sets stored now: each rule tested, the
   * condition that failed, what each action did, why the assignee was chosen. Needs {@code MANAGE_RULES} and to see
   * the message. A message that opened its conversation is explained against an unassigned conversation, as routing
   * saw it then; a reply against its conversation as it is now. Changes nothing.
   *
   * @param engine the engine routing the mail of {@code mm}
   * @throws org.mastermail.NotFoundException when the actor does not see the message
   * @throws InvalidInputException when it is no received message
   */
  public Explanation explain(RuleEngine engine, MessageId message, Actor actor) {
    requireNonNull(engine, "engine");
    requireManageRules(actor);
    MasterMail core = requireMasterMail();
    IncomingMessage incoming = core.triage().incoming(message, actor);
    ConversationId id = storage.read(s -> s.messages().find(actor.tenant(), message)).orElseThrow().conversation();
    Conversation now = core.triage().get(id, actor).conversation();
    return engine.explain(incoming, incoming.reply() ? now : now.change().assignee(null).done(), storage);
  }

  /**
   * Tries {@code draft} as the rule set of {@code scope} (null: the tenant's) on the latest received message of each of
   * the {@code limit} newest conversations of that mailbox (of every mailbox, for the tenant's set), each as it is now,
   * and reports what would change; changes nothing. Needs {@code MANAGE_RULES} and, since it looks at the whole mailbox,
   * {@code VIEW_ALL} there.
   *
   * @throws InvalidInputException when the draft names users or statuses the tenant does not have
   */
  public DryRun.Report dryRun(RuleEngine engine, @Nullable MailboxId scope, RuleSet draft, int limit, Actor actor) {
    requireNonNull(engine, "engine");
    requireNonNull(draft, "draft");
    requireManageRules(actor);
    requireMailbox(scope, actor);
    MasterMail core = requireMasterMail();
    storage.read(s -> {
      checkReferences(s, actor.tenant(), draft);
      return null;
    });
    ConversationFilter filter = scope == null ? ConversationFilter.none()
        : ConversationFilter.none().withMailboxes(Set.of(scope));
    List<DryRun.Input> inputs = new ArrayList<>();
    for (ConversationSummary summary : core.triage().list(View.ALL, filter, Sort.NEWEST, null, limit, actor).items()) {
      ConversationDetails details = core.triage().get(summary.conversation().id(), actor);
      List<MessageMeta> received = details.messages().stream()
          .filter(m -> m.direction() == Direction.INCOMING).toList();
      if (!received.isEmpty()) {
        IncomingMessage latest = core.triage().incoming(received.get(received.size() - 1).id(), actor);
        inputs.add(new DryRun.Input(latest, details.conversation()));
      }
    }
    return engine.dryRun(storage, scope, draft, inputs);
  }

  private void requireManageRules(Actor actor) {
    requireNonNull(actor, "actor");
    requireMasterMail().admin().permissions().require(Permission.MANAGE_RULES, null, actor);
  }

  /** A mailbox of another tenant, or none at all, is not found: the same answer core gives for everything else. */
  private void requireMailbox(@Nullable MailboxId mailbox, Actor actor) {
    if (mailbox != null && storage.read(s -> s.mailboxes().find(actor.tenant(), mailbox)).isEmpty()) {
      throw new NotFoundException("mailbox " + mailbox + " not found");
    }
  }

  private MasterMail requireMasterMail() {
    if (mm == null) {
      throw new IllegalStateException("this RuleAdmin cannot check permissions: make it with RuleAdmin.of(mm)");
    }
    return mm;
  }

  /** A stored rule set with its version, to save the next version against. */
  public record Versioned(RuleSet rules, long version, Instant updatedAt) {
    public Versioned {
      requireNonNull(rules, "rules");
      requireNonNull(updatedAt, "updatedAt");
    }
  }

  /**
   * The tenant's rule set ({@code mailbox} null) or a mailbox's.
   *
   * @throws InvalidInputException when the stored JSON is not a valid rule set (written around this class)
   */
  public Optional<Versioned> load(TenantId tenant, @Nullable MailboxId mailbox) {
    return storage.read(s -> s.rules().find(tenant, mailbox))
        .map(r -> new Versioned(RuleSetJson.parse(r.json()), r.version(), r.updatedAt()));
  }

  /** The stored JSON of a rule set, as an editor shows it. */
  public Optional<String> loadJson(TenantId tenant, @Nullable MailboxId mailbox) {
    return storage.read(s -> s.rules().find(tenant, mailbox)).map(StoredRules::json);
  }

  /**
   * Saves {@code rules} as the next version after {@code expectedVersion} (0 when none is stored yet) and returns the
   * new version. Users, statuses and the mailbox the rules name must exist in the tenant.
   *
   * @throws InvalidInputException naming the rule and field that refer to something unknown
   * @throws ConflictException when someone else saved since {@code expectedVersion}
   */
  public long save(TenantId tenant, @Nullable MailboxId mailbox, RuleSet rules, long expectedVersion) {
    requireNonNull(tenant, "tenant");
    requireNonNull(rules, "rules");
    String json = RuleSetJson.write(rules);
    return storage.inTransaction(s -> {
      if (mailbox != null && s.mailboxes().find(tenant, mailbox).isEmpty()) {
        throw new InvalidInputException("mailbox " + mailbox + " does not exist in the tenant");
      }
      checkReferences(s, tenant, rules);
      long next = expectedVersion + 1;
      if (!s.rules().save(new StoredRules(tenant, mailbox, json, next, clock.instant()))) {
        throw new ConflictException("the rule set was saved by someone else since version " + expectedVersion
            + "; load it again and redo the change");
      }
      return next;
    });
  }

  /** {@link #save} of a JSON document, validated first. */
  public long saveJson(TenantId tenant, @Nullable MailboxId mailbox, String json, long expectedVersion) {
    return save(tenant, mailbox, RuleSetJson.parse(json), expectedVersion);
  }

  /**
   * The routing traces of a conversation, oldest first: one entry per routed message, as its {@code ROUTED} event
   * keeps it. Needs the actor to see the conversation.
   */
  public static List<List<String>> routingTraces(MasterMail mm, ConversationId conversation, Actor actor) {
    List<List<String>> traces = new ArrayList<>();
    for (Event e : mm.triage().history(conversation, actor)) {
      if (e.type() == EventType.ROUTED && e.after() != null) {
        traces.add(List.of(e.after().split("\n")));
      }
    }
    return traces;
  }

  private static void checkReferences(StorageSession s, TenantId tenant, RuleSet rules) {
    List<Status> statuses = null;
    for (int i = 0; i < rules.rules().size(); i++) {
      Rule rule = rules.rules().get(i);
      for (int j = 0; j < rule.actions().size(); j++) {
        Action a = rule.actions().get(j);
        String at = "rules[" + i + "].actions[" + j + "]";
        if (a instanceof Action.Assign assign) {
          requireUser(s, tenant, assign.user(), at + ".assign");
        } else if (a instanceof Action.AssignTeam team) {
          for (int k = 0; k < team.members().size(); k++) {
            requireUser(s, tenant, team.members().get(k), at + ".assignTeam.members[" + k + "]");
          }
        } else if (a instanceof Action.SetStatus || (a instanceof Action.MarkSpam spam && spam.status() != null)) {
          String name = a instanceof Action.SetStatus set ? set.status() : ((Action.MarkSpam) a).status();
          String field = a instanceof Action.SetStatus ? ".status" : ".markSpam.status";
          if (statuses == null) {
            statuses = s.statuses().list(tenant);
          }
          if (statuses.stream().noneMatch(st -> st.name().equalsIgnoreCase(name))) {
            throw new InvalidInputException(at + field + ": no status named \"" + name + "\" in the tenant");
          }
        }
      }
    }
  }

  private static void requireUser(StorageSession s, TenantId tenant, String ref, String at) {
    Optional<User> user;
    if (ref.contains("@")) {
      user = s.users().findByEmail(tenant, ref.toLowerCase(Locale.ROOT));
    } else {
      try {
        user = s.users().find(tenant, UserId.of(ref));
      } catch (InvalidInputException e) {
        user = Optional.empty();
      }
    }
    if (user.isEmpty()) {
      throw new InvalidInputException(at + ": no user '" + ref + "' in the tenant");
    }
  }
}
