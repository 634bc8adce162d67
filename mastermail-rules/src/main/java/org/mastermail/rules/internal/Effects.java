package org.mastermail.rules.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mastermail.rules.AutoReply;
import org.mastermail.rules.AutoReplySink;
import org.mastermail.rules.Forward;
import org.mastermail.rules.ForwardSink;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/**
 * What a rule run changes besides its decision: shared counters, reply stamps, outgoing mail. Routing changes them
 * for real; explain and dry-run simulate them, so that trying rules never moves a round-robin or spends a reply.
 */
interface Effects {
  /** The next value of a shared counter (1 first). */
  long next(TenantId tenant, String counter);

  Optional<Instant> stamp(TenantId tenant, String key);

  void stamp(TenantId tenant, String key, Instant at);

  void reply(AutoReply reply);

  void forward(Forward forward);

  /** Notes that {@code user} was just given a conversation (dry-runs count it towards their load). */
  void assigned(UserId user);

  /** Conversations given to {@code user} by this run and not yet in storage. */
  long extraLoad(UserId user);

  /** The real thing: counters and stamps in the routing transaction, mail to the sinks. */
  static Effects live(StorageSession session, AutoReplySink replies, ForwardSink forwards) {
    return new Effects() {
      @Override
      public long next(TenantId tenant, String counter) {
        return session.state().increment(tenant, counter);
      }

      @Override
      public Optional<Instant> stamp(TenantId tenant, String key) {
        return session.state().stamp(tenant, key);
      }

      @Override
      public void stamp(TenantId tenant, String key, Instant at) {
        session.state().stamp(tenant, key, at);
      }

      @Override
      public void reply(AutoReply reply) {
        replies.accept(reply);
      }

      @Override
      public void forward(Forward forward) {
        forwards.accept(forward);
      }

      @Override
      public void assigned(UserId user) {}

      @Override
      public long extraLoad(UserId user) {
        return 0;
      }
    };
  }

  /**
   * A simulation over read-only storage: stamps read through to storage and are written to memory; counters start
   * at 0 (storage cannot be read without moving them); loads add up the simulated assignments.
   */
  static Effects simulated(StorageSession session) {
    return new Simulated(session);
  }

  /** Kept as a class so one simulation can span all messages of a dry run. */
  final class Simulated implements Effects {
    private final StorageSession session;
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Instant> stamps = new HashMap<>();
    private final Map<UserId, Long> loads = new HashMap<>();

    Simulated(StorageSession session) {
      this.session = session;
    }

    @Override
    public long next(TenantId tenant, String counter) {
      return counters.merge(tenant + "/" + counter, 1L, Long::sum);
    }

    @Override
    public Optional<Instant> stamp(TenantId tenant, String key) {
      Instant local = stamps.get(tenant + "/" + key);
      return local != null ? Optional.of(local) : session.state().stamp(tenant, key);
    }

    @Override
    public void stamp(TenantId tenant, String key, Instant at) {
      stamps.put(tenant + "/" + key, at);
    }

    @Override
    public void reply(AutoReply reply) {}

    @Override
    public void forward(Forward forward) {}

    @Override
    public void assigned(UserId user) {
      loads.merge(user, 1L, Long::sum);
    }

    @Override
    public long extraLoad(UserId user) {
      return loads.getOrDefault(user, 0L);
    }
  }
}
