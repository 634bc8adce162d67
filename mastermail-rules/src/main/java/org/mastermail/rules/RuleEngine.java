package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.IncomingMessage;
import org.mastermail.rule.Router;
import org.mastermail.rule.RoutingDecision;
import org.mastermail.rules.internal.RulesRuntime;
import org.mastermail.rules.internal.Settings;
import org.mastermail.storage.Storage;
import org.mastermail.storage.StorageSession;

/**
 * The rule engine: a {@link Router} that runs the tenant's rule set and then the mailbox's on every incoming message.
 *
 * <pre>{@code
 * RuleEngine rules = RuleEngine.builder()
 *     .directory(crmDirectory)
 *     .autoReplies(outbox::queue)
 *     .clock(clock)
 *     .zone(ZoneId.of("Europe/Berlin"))
 *     .build();
 * MasterMail mm = MasterMail.builder().storage(storage).clock(clock).router(rules).build();
 * RuleAdmin.of(mm).save(tenant, null, RuleSetJson.parse(json), 0);
 * }</pre>
 *
 * <p>Rule sets are read through the routing transaction and kept compiled per tenant, scope and version, so a saved
 * edit applies to the next message on every node. Only the rules that can match a message are tested: rules needing
 * a given sender address, sender domain or recipient are found through hash indexes, the rest are tested in order.
 * Thread-safe; one engine serves every tenant.
 */
public final class RuleEngine implements Router {
  /** Compiled rule sets kept by default (two per tenant: the tenant's and one mailbox's). */
  public static final int DEFAULT_CACHE_SIZE = 1024;

  private final RulesRuntime runtime;

  private RuleEngine(Settings settings) {
    this.runtime = new RulesRuntime(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Routes {@code message}: intake calls this inside the archiving transaction. */
  @Override
  public RoutingDecision route(IncomingMessage message, Conversation conversation, StorageSession session) {
    return runtime.route(message, conversation, session).decision();
  }

  /**
   * What routing {@code message} would decide now, with every rule tested, condition failed and assignee reason,
   * changing nothing (no round-robin step, no reply stamp, no mail). For a message routed earlier, its conversation's
   * {@code ROUTED} event keeps the trace of what happened then ({@link RuleAdmin#routingTraces}).
   */
  public Explanation explain(IncomingMessage message, Conversation conversation, StorageSession session) {
    return runtime.explain(message, conversation, session);
  }

  /** {@link #explain(IncomingMessage, Conversation, StorageSession)} in a read-only unit of work of {@code storage}. */
  public Explanation explain(IncomingMessage message, Conversation conversation, Storage storage) {
    return storage.read(session -> runtime.explain(message, conversation, session));
  }

  /**
   * Tries {@code draft} as the rule set of {@code scope} (null: the tenant's; else that mailbox's, the other set as
   * stored) over past messages, and reports what would change for each, changing nothing. See {@link DryRun}.
   */
  public DryRun.Report dryRun(Storage storage, @Nullable MailboxId scope, RuleSet draft, List<DryRun.Input> inputs) {
    requireNonNull(draft, "draft");
    List<DryRun.Input> copy = List.copyOf(inputs);
    return storage.read(session -> runtime.dryRun(session, scope, draft, copy));
  }

  /** Configures a {@link RuleEngine}; every setting has a default. */
  public static final class Builder {
    private Directory directory = Directory.NONE;
    private AutoReplySink replies = AutoReplySink.logging();
    private ForwardSink forwards = ForwardSink.logging();
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;
    private RandomGenerator random = RandomGenerator.getDefault();
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private boolean indexed = true;

    private Builder() {}

    /** The host's contacts, teams and absences (default {@link Directory#NONE}). */
    public Builder directory(Directory value) {
      this.directory = requireNonNull(value, "directory");
      return this;
    }

    /** Who hears of automatic replies (default {@link AutoReplySink#logging()}); core queues them for sending. */
    public Builder autoReplies(AutoReplySink value) {
      this.replies = requireNonNull(value, "autoReplies");
      return this;
    }

    /** Who hears of internal forwards (default {@link ForwardSink#logging()}); core queues them for sending. */
    public Builder forwards(ForwardSink value) {
      this.forwards = requireNonNull(value, "forwards");
      return this;
    }

    /** The clock for due dates, absences and reply limits; use the one {@code MasterMail} has (default system UTC). */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    /**
     * The zone for business hours, weekdays and due dates of rules that name none: the office's (default UTC; core
     * keeps no zone per tenant yet).
     */
    public Builder zone(ZoneId value) {
      this.zone = requireNonNull(value, "zone");
      return this;
    }

    /** The source of the {@code random} strategy (tests pass a seeded one). */
    public Builder random(RandomGenerator value) {
      this.random = requireNonNull(value, "random");
      return this;
    }

    /** How many compiled rule sets to keep (default {@value #DEFAULT_CACHE_SIZE}). */
    public Builder cacheSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("cacheSize must be at least 1, was " + value);
      }
      this.cacheSize = value;
      return this;
    }

    /**
     * Whether rules are looked up through the sender/recipient index (default true). Off, every rule is tested for
     * every message — same decisions, linear cost; for diagnosis and for measuring what the index saves.
     */
    public Builder indexed(boolean value) {
      this.indexed = value;
      return this;
    }

    public RuleEngine build() {
      return new RuleEngine(new Settings(directory, clock, zone, random, replies, forwards, cacheSize, indexed));
    }
  }
}
