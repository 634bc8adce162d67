package org.mastermail.examples.server.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.sse.SseClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.mastermail.event.Event;
import org.mastermail.event.EventListener;
import org.mastermail.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells open browsers that something changed in their tenant, so that the web UI reloads what it shows without a
 * reload of the page: a server-sent event {@code changed} after committed work, at most one per tenant every 200 ms
 * however many commits there were. The event carries no ids or contents — the browser asks the API again, under the user's own visibility. Register it as a listener of the
 * {@link org.mastermail.MasterMail} the server serves:
 *
 * <pre>{@code
 * LiveUpdates live = new LiveUpdates();
 * MasterMail mm = MasterMail.builder().storage(storage).listener(live).build();
 * MasterMailServer.start(mm, logins, settings, clock, live);
 * }</pre>
 *
 * <p>Events go out on a thread of their own, never on the committing one, so a slow browser cannot slow down intake.
 * Every 15 seconds each connection gets a comment (proxies keep it open) and a connection whose session has ended is
 * closed.
 */
public final class LiveUpdates implements EventListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
  private static final long PING_SECONDS = 15;
  private static final long COALESCE_MILLIS = 200;

  private record Client(SseClient sse, TenantId tenant, BooleanSupplier sessionAlive) {}

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Set<TenantId> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "mastermail-live"));
  private final ScheduledExecutorService pinger =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mastermail-live-ping"));

  public LiveUpdates() {
    pinger.scheduleWithFixedDelay(() -> sender.execute(this::ping), PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
  }

  /** How many browsers are connected (for tests and the log). */
  public int connections() {
    return clients.size();
  }

  @Override
  public void onCommitted(List<Event> events) {
    // a burst of commits (an import, a bulk send) becomes one event per tenant per COALESCE_MILLIS
    events.forEach(e -> pending.add(e.tenant()));
    if (flushScheduled.compareAndSet(false, true)) {
      try {
        pinger.schedule(() -> sender.execute(this::flush), COALESCE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // shutting down: nobody is listening any more
      }
    }
  }

  private void flush() {
    flushScheduled.set(false);
    Set<TenantId> tenants = new HashSet<>();
    for (TenantId t : pending) {
      pending.remove(t);
      tenants.add(t);
    }
    for (Client c : clients) {
      if (tenants.contains(c.tenant())) {
        send(c, "changed", Map.of("tenantChanged", true));
      }
    }
  }

  /** Keeps {@code sse} open for a logged-in user of {@code tenant} until it or the session goes. */
  void connect(SseClient sse, TenantId tenant, BooleanSupplier sessionAlive) {
    Client c = new Client(requireNonNull(sse, "sse"), requireNonNull(tenant, "tenant"),
        requireNonNull(sessionAlive, "sessionAlive"));
    clients.add(c);
    sse.onClose(() -> clients.remove(c));
    sse.keepAlive();
    send(c, "hello", Map.of("tenantChanged", false));
  }

  private void ping() {
    for (Client c : clients) {
      if (!c.sessionAlive().getAsBoolean()) {
        clients.remove(c);
        c.sse().close();
      } else {
        try {
          c.sse().sendComment("ping");
        } catch (RuntimeException gone) {
          drop(c, gone);
        }
      }
    }
  }

  private void send(Client c, String event, Object data) {
    try {
      c.sse().sendEvent(event, data);
      if (c.sse().terminated()) {
        clients.remove(c);
      }
    } catch (RuntimeException gone) {
      drop(c, gone);
    }
  }

  private void drop(Client c, RuntimeException why) {
    clients.remove(c);
    LOG.debug("live update connection dropped", why);
  }

  @Override
  public void close() {
    pinger.shutdownNow();
    sender.shutdownNow();
    clients.forEach(c -> c.sse().close());
    clients.clear();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
