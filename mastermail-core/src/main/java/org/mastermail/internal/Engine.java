package org.mastermail.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.event.Event;
import org.mastermail.event.EventListener;
import org.mastermail.storage.StaleAccessException;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs engine operations as units of work and hands their events to listeners after commit. */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** Bounds the cache; past it the cache starts over rather than tracking recency. */
  private static final int MAX_CACHED_ACCESS = 10_000;

  private final Storage storage;
  private final Clock clock;
  private final List<EventListener> listeners;
  private final Map<Actor, CachedAccess> accessCache = new ConcurrentHashMap<>();
  private volatile Runnable mailQueued = () -> {};

  public Engine(Storage storage, Clock clock, List<EventListener> listeners) {
    this.storage = storage;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
  }

  public Storage storage() {
    return storage;
  }

  public Clock clock() {
    return clock;
  }

  /** Runs {@code body} in one transaction; listeners hear of its events only once it has committed. */
  <R> R write(Function<Work, R> body) {
    Work[] done = new Work[1];
    R result = storage.inTransaction(session -> {
      Work work = new Work(session, clock.instant());
      R r = body.apply(work);
      TenantId changed = work.accessChangedTenant();
      if (changed != null) {
        session.tenants().bumpAccessRevision(changed);
      }
      done[0] = work;
      return r;
    });
    publish(done[0].events());
    if (done[0].queuedMail()) {
      mailQueued.run();
    }
    return result;
  }

  /** What to do after a commit that queued outbound mail (wake the local dispatchers). */
  public void onMailQueued(Runnable action) {
    this.mailQueued = action;
  }

  /** Runs {@code body} as {@code actor}, with their access resolved inside the same transaction. */
  <R> R write(Actor actor, ActorWork<R> body) {
    return write(work -> body.run(work, access(work, actor)));
  }

  /** Runs {@code body}, which only reads, as {@code actor}; see {@link Storage#read}. */
  <R> R read(Actor actor, ActorWork<R> body) {
    Instant now = clock.instant();
    CachedAccess cached = accessCache.get(actor);
    if (cached != null && !now.isBefore(cached.resolvedAt()) && now.isBefore(cached.access().validUntil())) {
      // optimistic: run with the cached access; the query checks the revision in its own statement, and a body
      // that made no such query checks it afterwards, so a stale access is never used for a result
      try {
        Optimistic<R> result = storage.read(session -> {
          Work work = new Work(session, now);
          work.expectRevision(cached.revision());
          R r;
          try {
            r = body.run(work, cached.access());
          } catch (StaleAccessException e) {
            throw e;
          } catch (RuntimeException e) {
            // a refusal or "not found" may come from the stale access itself: only a current one may say so
            if (session.tenants().accessRevision(actor.tenant()) != cached.revision()) {
              return new Optimistic<R>(false, null);
            }
            throw e;
          }
          requireReadOnly(work);
          boolean current = work.isRevisionVerified()
              || session.tenants().accessRevision(actor.tenant()) == cached.revision();
          return new Optimistic<>(current, r);
        });
        if (result.current()) {
          return result.value(); // the body's own result
        }
      } catch (StaleAccessException e) {
        // fall through: resolve again
      }
      accessCache.remove(actor, cached);
    }
    return storage.read(session -> {
      Work work = new Work(session, clock.instant());
      R result = body.run(work, access(work, actor));
      requireReadOnly(work);
      return result;
    });
  }

  /** The result of a read made with cached access, and whether that access was still current. */
  private record Optimistic<R>(boolean current, @Nullable R value) {}

  private static void requireReadOnly(Work work) {
    if (!work.events().isEmpty() || work.accessChangedTenant() != null) {
      throw new IllegalStateException("a read changed something");
    }
  }

  /** Like {@link #write(Actor, ActorWork)} for admin changes to users, roles, grants, mailboxes or delegations. */
  <R> R changeAccess(Actor actor, ActorWork<R> body) {
    return write(work -> {
      work.accessChanged(actor.tenant());
      return body.run(work, access(work, actor));
    });
  }

  /**
   * The actor's access, from the cache while the tenant's access revision is unchanged and no delegation has started or
   * ended since it was resolved; one primary-key read instead of resolving roles, grants, memberships and delegations.
   */
  private Access access(Work work, Actor actor) {
    long revision = work.s().tenants().accessRevision(actor.tenant());
    Instant now = work.now();
    CachedAccess cached = accessCache.get(actor);
    if (cached != null && cached.revision() == revision && !now.isBefore(cached.resolvedAt())
        && now.isBefore(cached.access().validUntil())) {
      return cached.access();
    }
    Access access = AccessResolver.resolve(work.s(), actor, now);
    if (accessCache.size() >= MAX_CACHED_ACCESS) {
      accessCache.clear();
    }
    accessCache.put(actor, new CachedAccess(revision, now, access));
    return access;
  }

  private record CachedAccess(long revision, Instant resolvedAt, Access access) {}

  private void publish(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    for (EventListener listener : listeners) {
      try {
        listener.onCommitted(events);
      } catch (RuntimeException e) {
        LOG.warn("event listener {} failed; the change is committed and stays", listener, e);
      }
    }
  }

  /** The body of an operation made by an actor. */
  @FunctionalInterface
  interface ActorWork<R> {
    R run(Work work, Access access);
  }
}
