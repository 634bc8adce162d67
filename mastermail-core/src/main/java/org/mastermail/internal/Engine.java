package org.mastermail.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.mastermail.Actor;
import org.mastermail.event.Event;
import org.mastermail.event.EventListener;
import org.mastermail.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs engine operations as units of work and hands their events to listeners after commit. */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final Storage storage;
  private final Clock clock;
  private final List<EventListener> listeners;

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
      done[0] = work;
      return r;
    });
    publish(done[0].events());
    return result;
  }

  /** Runs {@code body} as {@code actor}, with their access resolved inside the same transaction. */
  <R> R write(Actor actor, ActorWork<R> body) {
    return write(work -> body.run(work, AccessResolver.resolve(work.s(), actor, work.now())));
  }

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
