package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.MasterMail;
import org.mastermail.admin.PermissionAdmin;
import org.mastermail.conversation.ConversationId;
import org.mastermail.event.Event;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.MailboxId;
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
 * user does); those taking a tenant are host operations, like creating a tenant.
 */
public final class RuleAdmin {
  private final Storage storage;
  private final Clock clock;
  private final @Nullable PermissionAdmin permissions;

  /** Host operations only: the methods taking an actor need {@link #of(MasterMail)}. */
  public RuleAdmin(Storage storage, Clock clock) {
    this(storage, clock, null);
  }

  private RuleAdmin(Storage storage, Clock clock, @Nullable PermissionAdmin permissions) {
    this.storage = requireNonNull(storage, "storage");
    this.clock = requireNonNull(clock, "clock");
    this.permissions = permissions;
  }

  public static RuleAdmin of(MasterMail mm) {
    return new RuleAdmin(mm.storage(), mm.clock(), mm.admin().permissions());
  }

  /**
   * {@link #load} for a user: needs {@code MANAGE_RULES}.
   *
   * @throws org.mastermail.PermissionDeniedException when the actor lacks it
   */
  public Optional<Versioned> load(@Nullable MailboxId mailbox, Actor actor) {
    requireManageRules(actor);
    return load(actor.tenant(), mailbox);
  }

  /**
   * {@link #save} for a user: needs {@code MANAGE_RULES}; the rules go into the actor's tenant.
   *
   * @throws org.mastermail.PermissionDeniedException when the actor lacks it (nothing is saved)
   */
  public long save(@Nullable MailboxId mailbox, RuleSet rules, long expectedVersion, Actor actor) {
    requireManageRules(actor);
    return save(actor.tenant(), mailbox, rules, expectedVersion);
  }

  /** {@link #saveJson} for a user: needs {@code MANAGE_RULES}. */
  public long saveJson(@Nullable MailboxId mailbox, String json, long expectedVersion, Actor actor) {
    requireManageRules(actor);
    return saveJson(actor.tenant(), mailbox, json, expectedVersion);
  }

  private void requireManageRules(Actor actor) {
    requireNonNull(actor, "actor");
    if (permissions == null) {
      throw new IllegalStateException("this RuleAdmin cannot check permissions: make it with RuleAdmin.of(mm)");
    }
    permissions.require(Permission.MANAGE_RULES, null, actor);
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
