package org.mastermail.imap.internal;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.mastermail.outbound.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP connections of one transport: a small pool of connected, logged-in sessions, each used by one thread at a
 * time. {@link #acquire} hands out the most recently used idle one (checked with a NOOP unless it was used within the
 * last second), or opens a new one;
 * {@link #release} keeps it for the next message unless it failed, is full, or was idle too long. Thread-safe.
 */
public final class SmtpConnections implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);
  /**
   * A connection used this recently is handed out without a NOOP first: the check costs a round trip per message, and
   * a server drops a connection it just served only rarely (such a send then fails as transient and is retried).
   */
  private static final Duration FRESH = Duration.ofSeconds(1);

  private final Session session;
  private final String host;
  private final int port;
  private final @Nullable String username;
  private final @Nullable Supplier<String> secret;
  private final int maxIdle;
  private final Duration maxIdleTime;
  private final int maxMessages;
  private final Clock clock;
  private final String name;
  /** Idle connections, the most recently used first. */
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  /**
   * @param username who logs in, or null to send without logging in
   * @param secret asked at every connect: a password or a fresh OAuth 2 token; null without login
   * @param name how logs and errors name the server (never with the secret)
   */
  public SmtpConnections(Session session, String host, int port, @Nullable String username,
      @Nullable Supplier<String> secret, int maxIdle, Duration maxIdleTime, int maxMessages, Clock clock,
      String name) {
    this.session = requireNonNull(session, "session");
    this.host = requireNonNull(host, "host");
    this.port = port;
    this.username = username;
    this.secret = secret;
    this.maxIdle = maxIdle;
    this.maxIdleTime = requireNonNull(maxIdleTime, "maxIdleTime");
    this.maxMessages = maxMessages;
    this.clock = requireNonNull(clock, "clock");
    this.name = requireNonNull(name, "name");
  }

  /**
   * A connection for one message, to be given back with {@link #release}.
   *
   * @throws TransportException when no connection can be opened (or logged in), or the pool is closed
   */
  public Connection acquire() {
    return acquire(false);
  }

  /** As {@link #acquire()}, checking even a connection used a moment ago (after one failed unchecked). */
  public Connection acquireChecked() {
    return acquire(true);
  }

  private Connection acquire(boolean alwaysCheck) {
    while (true) {
      Connection c;
      synchronized (this) {
        if (closed) {
          throw TransportException.unreachable(name + ": the transport is closed", null);
        }
        c = idle.pollFirst();
      }
      if (c == null) {
        return open();
      }
      Instant now = clock.instant();
      if (tooLongIdle(c, now)) {
        c.close();
      } else if (!alwaysCheck && now.isBefore(c.lastUsed.plus(FRESH))) {
        c.unchecked = true;
        return c;
      } else if (c.transport.isConnected()) { // a NOOP; Angus closes the connection when it fails
        c.unchecked = false;
        return c;
      } else {
        log.debug("{}: an idle connection no longer answers; it is replaced", name);
        c.close();
      }
    }
  }

  /** Gives {@code c} back: kept for the next message when {@code reusable}, else closed. */
  public void release(Connection c, boolean reusable) {
    Instant now = clock.instant();
    c.lastUsed = now;
    c.messages++;
    boolean keep;
    List<Connection> stale;
    synchronized (this) {
      keep = reusable && !closed && c.messages < maxMessages && idle.size() < maxIdle;
      if (keep) {
        idle.addFirst(c);
      }
      stale = removeStale(now);
    }
    if (!keep) {
      c.close();
    }
    stale.forEach(Connection::close);
  }

  /** Removes the idle connections unused for longer than allowed; they are the last ones. */
  private List<Connection> removeStale(Instant now) {
    List<Connection> stale = new ArrayList<>();
    for (Iterator<Connection> it = idle.descendingIterator(); it.hasNext(); ) {
      Connection c = it.next();
      if (!tooLongIdle(c, now)) {
        break;
      }
      it.remove();
      stale.add(c);
    }
    return stale;
  }

  private boolean tooLongIdle(Connection c, Instant now) {
    return c.lastUsed.plus(maxIdleTime).isBefore(now);
  }

  private Connection open() {
    SMTPTransport transport;
    try {
      transport = (SMTPTransport) session.getTransport("smtp");
    } catch (NoSuchProviderException e) {
      throw new IllegalStateException("Angus Mail's SMTP provider is missing from the class path", e);
    }
    String password = null;
    if (secret != null) {
      try {
        password = secret.get();
      } catch (RuntimeException e) {
        throw new TransportException(name + ": no password or token to log in with: " + e.getMessage(), false, 0, e);
      }
    }
    try {
      transport.connect(host, port, username, password);
    } catch (MessagingException e) {
      closeQuietly(transport);
      throw SmtpFailures.connecting(e, transport.getLastReturnCode(), transport.getLastServerResponse(), name);
    } catch (RuntimeException e) {
      closeQuietly(transport);
      throw e;
    }
    log.debug("{}: connected", name);
    return new Connection(transport, clock.instant());
  }

  /** Closes the idle connections; connections in use are closed when they are released. Never throws. */
  @Override
  public void close() {
    List<Connection> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(idle);
      idle.clear();
    }
    all.forEach(Connection::close);
  }

  private void closeQuietly(SMTPTransport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      log.debug("{}: disconnecting failed: {}", name, e.toString());
    }
  }

  /** One connected SMTP session, used by one thread between {@link #acquire} and {@link #release}. */
  public final class Connection {
    private final SMTPTransport transport;
    private Instant lastUsed;
    private int messages;
    private boolean unchecked;

    private Connection(SMTPTransport transport, Instant opened) {
      this.transport = transport;
      this.lastUsed = opened;
    }

    public SMTPTransport transport() {
      return transport;
    }

    /** Whether it was handed out without a NOOP (used a moment ago), so a broken pipe may just mean the server left. */
    public boolean unchecked() {
      return unchecked;
    }

    /** Ends the transaction a failed message left (RSET); whether the server agreed and the session is usable. */
    public boolean reset() {
      try {
        return transport.simpleCommand("RSET") == 250;
      } catch (MessagingException | RuntimeException e) { // Angus closed it already (its streams are gone)
        return false;
      }
    }

    private void close() {
      closeQuietly(transport);
    }
  }
}
