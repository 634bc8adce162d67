package org.mastermail.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.EntityRef;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.rule.StoredRules;
import org.mastermail.rules.DryRun;
import org.mastermail.rules.Explanation;
import org.mastermail.rules.RuleSet;
import org.mastermail.rules.RuleSetJson;
import org.mastermail.status.StatusId;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * Loads rule sets through storage, keeps them compiled per (tenant, scope, version), and runs them. A save bumps the
 * version, so the next message compiles the new set: edits apply at once, on every node.
 */
public final class RulesRuntime {
  private final Settings settings;
  private final Map<Key, CompiledRules> cache;

  private record Key(TenantId tenant, @Nullable MailboxId mailbox) {}

  public RulesRuntime(Settings settings) {
    this.settings = settings;
    int max = Math.max(1, settings.cacheSize());
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CompiledRules> eldest) {
        return size() > max;
      }
    };
  }

  /**
   * Routes for real: counters move, stamps are written, mail goes to the sinks. Only the decision and its trace lines
   * are made: the explanation's {@link Explanation#rules() rules} are left empty.
   */
  public Explanation route(IncomingMessage message, Conversation conversation, StorageSession session) {
    List<CompiledRules> sets = load(session, message, null, null);
    if (sets.isEmpty()) {
      return new Explanation(RoutingDecision.NOTHING, List.of(), null, List.of(), List.of(), List.of(), List.of(), 0,
          0);
    }
    Effects live = Effects.live(session, settings.replies(), settings.forwards());
    return new Evaluation(settings, message, conversation, session, live, false).run(sets);
  }

  /** What routing would do now, changing nothing. */
  public Explanation explain(IncomingMessage message, Conversation conversation, StorageSession session) {
    return new Evaluation(settings, message, conversation, session, Effects.simulated(session), true)
        .run(load(session, message, null, null));
  }

  /** Runs {@code draft} in place of the stored rule set of {@code scope} over {@code inputs}, changing nothing. */
  public DryRun.Report dryRun(StorageSession session, @Nullable MailboxId scope, RuleSet draft,
      List<DryRun.Input> inputs) {
    CompiledRules compiled = CompiledRules.compile(scope == null ? "tenant (draft)" : "mailbox (draft)", 0, draft);
    Effects sim = Effects.simulated(session);
    List<DryRun.Outcome> outcomes = new ArrayList<>();
    for (DryRun.Input in : inputs) {
      if (scope != null && !scope.equals(in.message().mailbox())) {
        // a mailbox draft does not apply to other mailboxes: they keep their stored rules
        outcomes.add(outcome(in, new Evaluation(settings, in.message(), in.conversation(), session, sim, true)
            .run(load(session, in.message(), null, null))));
        continue;
      }
      Explanation e = new Evaluation(settings, in.message(), in.conversation(), session, sim, true)
          .run(load(session, in.message(), scope == null ? Scope.TENANT : Scope.MAILBOX, compiled));
      outcomes.add(outcome(in, e));
    }
    return new DryRun.Report(outcomes);
  }

  private static DryRun.Outcome outcome(DryRun.Input in, Explanation e) {
    Conversation c = in.conversation();
    RoutingDecision d = e.decision();
    UserId assignee = c.unassigned() ? d.assignee() : null;
    StatusId status = Objects.equals(d.status(), c.status()) ? null : d.status();
    Instant due = Objects.equals(d.due(), c.dueAt()) ? null : d.due();
    Set<String> tags = new HashSet<>(d.tags());
    tags.removeAll(c.tags());
    Set<EntityRef> links = new HashSet<>(d.links());
    links.removeAll(c.links());
    return new DryRun.Outcome(in, assignee, status, due, d.urgent() && !c.urgent(), tags, links, e.autoReplies(),
        e.forwards(), e);
  }

  private enum Scope { TENANT, MAILBOX }

  private List<CompiledRules> load(StorageSession session, IncomingMessage message, @Nullable Scope draftScope,
      @Nullable CompiledRules draft) {
    List<CompiledRules> sets = new ArrayList<>(2);
    if (draftScope == Scope.TENANT && draft != null) {
      sets.add(draft);
    } else {
      stored(session, message.tenant(), null).ifPresent(sets::add);
    }
    if (draftScope == Scope.MAILBOX && draft != null) {
      sets.add(draft);
    } else {
      stored(session, message.tenant(), message.mailbox()).ifPresent(sets::add);
    }
    return sets;
  }

  private Optional<CompiledRules> stored(StorageSession session, TenantId tenant, @Nullable MailboxId mailbox) {
    Key key = new Key(tenant, mailbox);
    // the version alone decides whether the compiled rules are current: the document is read only when they are not
    long current = session.rules().version(tenant, mailbox);
    if (current == 0) {
      return Optional.empty();
    }
    synchronized (cache) {
      CompiledRules cached = cache.get(key);
      if (cached != null && cached.version == current) {
        return Optional.of(cached);
      }
    }
    Optional<StoredRules> stored = session.rules().find(tenant, mailbox);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    long version = stored.get().version();
    String scope = mailbox == null ? "tenant" : "mailbox";
    CompiledRules compiled;
    try {
      compiled = CompiledRules.compile(scope, version, RuleSetJson.parse(stored.get().json()));
    } catch (InvalidInputException e) {
      compiled = CompiledRules.broken(scope, version, e.getMessage());
    }
    synchronized (cache) {
      CompiledRules cached = cache.get(key);
      if (cached == null || cached.version < version) {
        cache.put(key, compiled);
      }
    }
    return Optional.of(compiled);
  }
}
