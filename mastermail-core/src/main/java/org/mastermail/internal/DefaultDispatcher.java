package org.mastermail.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.Dispatcher;
import org.mastermail.outbound.DispatcherSettings;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.TransportException;
import org.mastermail.outbound.TransportResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due mail, sends it with no transaction open, and records the outcome. A claim is a lease: if this node dies
 * mid-send, another takes the message over once the lease lapses and sends the same bytes with the same Message-ID
 * (delivery is at least once; receivers recognise the repeat by its Message-ID).
 */
public final class DefaultDispatcher implements Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultDispatcher.class);
  /** Outcomes recorded per transaction at most, unless a claim takes more: then a claim's worth. */
  private static final int RECORD_EVERY = 20;
  /** The longest an outcome waits to be recorded. */
  private static final Duration RECORD_WITHIN = Duration.ofSeconds(1);

  private final Engine engine;
  private final OutboundMime mime;
  private final TransportResolver transports;
  private final DispatcherSettings settings;
  private final Random random;
  private final Runnable unregister;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  /** Records outcomes while the workers send: see {@link BatchRecorder}. */
  private final ExecutorService recorders = BatchRecorder.threads();
  private long wakeups;
  private volatile boolean closed;

  /** @param unregister called on close, to stop hearing of newly queued mail */
  public DefaultDispatcher(Engine engine, org.mastermail.blob.BlobStore blobs, TransportResolver transports,
      DispatcherSettings settings, Random random, Runnable unregister) {
    this.engine = engine;
    this.mime = new OutboundMime(blobs);
    this.transports = transports;
    this.settings = settings;
    this.random = random;
    this.unregister = unregister;
  }

  /** Mail was queued on this node: wake an idle worker. */
  public void wake() {
    lock.lock();
    try {
      wakeups++;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the dispatcher is closed");
    }
    if (!threads.isEmpty()) {
      return;
    }
    for (int i = 0; i < settings.workers(); i++) {
      Thread t = new Thread(this::loop, "mastermail-dispatcher-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  @Override
  public int runOnce() {
    BatchRecorder<Outcome> recorder = recorder();
    int attempts = 0;
    try {
      int claimed;
      do {
        claimed = claimAndSend(recorder);
        attempts += claimed;
      } while (claimed > 0 && !closed);
    } finally {
      recorder.await();
    }
    return attempts;
  }

  @Override
  public void close() {
    List<Thread> running;
    synchronized (this) {
      closed = true;
      running = List.copyOf(threads);
    }
    unregister.run();
    wake();
    try {
      for (Thread t : running) {
        try {
          t.join(settings.lease().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    } finally {
      recorders.shutdown(); // a worker still running after its lease records on its own thread
    }
  }

  private BatchRecorder<Outcome> recorder() {
    return new BatchRecorder<>(recorders, this::record);
  }

  private void loop() {
    BatchRecorder<Outcome> recorder = recorder();
    try {
      while (!closed) {
        long seen;
        lock.lock();
        try {
          seen = wakeups;
        } finally {
          lock.unlock();
        }
        int claimed;
        try {
          claimed = claimAndSend(recorder);
        } catch (RuntimeException e) {
          LOG.warn("dispatcher round failed; trying again after {}", settings.poll(), e);
          claimed = 0;
        }
        if (claimed == 0) {
          recorder.await();
          idle(seen);
        }
      }
    } finally {
      recorder.await();
    }
  }

  /** Waits until mail is queued here, something falls due, or the poll interval passes. */
  private void idle(long seen) {
    Duration wait = settings.poll();
    try {
      Optional<Instant> due = engine.storage().read(s -> s.outbound().nextDue());
      if (due.isPresent()) {
        Duration untilDue = Duration.between(engine.clock().instant(), due.get());
        if (untilDue.compareTo(wait) < 0) {
          wait = untilDue.isNegative() ? Duration.ZERO : untilDue.plusMillis(1);
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("cannot read when mail is next due; polling", e);
    }
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (!closed && wakeups == seen && nanos > 0) {
        nanos = work.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One claim and its attempts; returns how many messages were claimed. Outcomes are recorded together, one transaction
   * per {@link #RECORD_EVERY} messages (or per claim, when a claim takes more) or {@link #RECORD_WITHIN}, whichever
   * comes first, by {@code recorder} on another thread while this one sends: a commit per message would cost more than
   * sending it. A node dying before recording leaves those messages claimed; they are sent again (same bytes, same
   * Message-ID) when the claim lapses.
   */
  private int claimAndSend(BatchRecorder<Outcome> recorder) {
    Instant now = engine.clock().instant();
    List<OutboundMessage> claimed = engine.storage().inTransaction(s -> s.outbound().claim(now, settings.holder(),
        now.plus(settings.lease()), settings.batch()));
    Map<MailboxId, Optional<Mailbox>> mailboxes = new HashMap<>();
    OutboundMime.Reader bytes = read(claimed);
    List<Outcome> outcomes = new ArrayList<>();
    // a commit costs a disk flush: a larger claim is recorded in as few transactions as it was claimed in
    int recordEvery = Math.max(RECORD_EVERY, settings.batch());
    long firstPending = 0;
    for (OutboundMessage m : claimed) {
      if (closed) {
        break; // the rest is taken over when the claims lapse
      }
      Outcome o = attempt(m, mailboxes, bytes);
      if (o == null) {
        continue;
      }
      if (outcomes.isEmpty()) {
        firstPending = System.nanoTime();
      }
      outcomes.add(o);
      if (outcomes.size() >= recordEvery || System.nanoTime() - firstPending > RECORD_WITHIN.toNanos()) {
        recorder.submit(outcomes);
        outcomes.clear();
      }
    }
    recorder.submit(outcomes);
    return claimed.size();
  }

  /** The claimed messages' bytes, the small ones read at once; each on its own if that fails. */
  private OutboundMime.Reader read(List<OutboundMessage> claimed) {
    if (claimed.isEmpty()) {
      return mime::open;
    }
    try {
      return mime.prefetch(claimed);
    } catch (RuntimeException e) {
      LOG.debug("cannot read the bytes of {} claimed messages together; reading them one by one", claimed.size(), e);
      return mime::open;
    }
  }

  /** What became of one attempt, to be recorded. */
  private sealed interface Outcome {
    OutboundMessage message();
  }

  private record Sent(OutboundMessage message, BlobId sha256) implements Outcome {}

  private record Retry(OutboundMessage message, String error) implements Outcome {}

  private record Failed(OutboundMessage message, String error) implements Outcome {}

  private @Nullable Outcome attempt(OutboundMessage m, Map<MailboxId, Optional<Mailbox>> mailboxes,
      OutboundMime.Reader bytes) {
    Instant claimEnd = m.delivery().claimedUntil();
    if (claimEnd != null && !engine.clock().instant().isBefore(claimEnd)) {
      return null; // waited too long in the batch: another node may hold it now
    }
    Mailbox mailbox = mailboxes.computeIfAbsent(m.mailbox(),
        id -> engine.storage().read(s -> s.mailboxes().find(m.tenant(), id))).orElse(null);
    Optional<MailTransport> transport = mailbox == null ? Optional.empty() : transports.forMailbox(mailbox);
    if (transport.isEmpty()) {
      return new Failed(m, "no transport is configured for mailbox "
          + (mailbox == null ? m.mailbox() : mailbox.address()));
    }
    Envelope envelope = new Envelope(m.letter().autoSubmitted() ? null : m.letter().from(),
        m.letter().recipients());
    DigestingSource source = new DigestingSource(bytes, m);
    try {
      transport.get().send(envelope, source);
    } catch (TransportException e) {
      String reply = (e.code() > 0 ? e.code() + " " : "") + e.getMessage();
      return e.permanent() ? new Failed(m, reply) : retryOrFail(m, reply);
    } catch (RuntimeException e) {
      return retryOrFail(m, "send failed: " + e);
    }
    return new Sent(m, source.sha256());
  }

  private Outcome retryOrFail(OutboundMessage m, String error) {
    if (m.delivery().attempts() >= settings.maxAttempts()) {
      return new Failed(m, "gave up after " + m.delivery().attempts() + " attempts; last error: " + error);
    }
    return new Retry(m, error);
  }

  /**
   * Records outcomes in one transaction, the sent ones together; if that fails, one by one, so that one bad row or one
   * message taken over by another dispatcher cannot hold back the others.
   */
  private void record(List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    try {
      engine.write(w -> {
        applyAll(w, outcomes);
        return null;
      });
    } catch (RuntimeException batch) {
      if (outcomes.size() == 1) {
        unrecorded(outcomes.get(0), batch);
        return;
      }
      for (Outcome o : outcomes) {
        try {
          engine.write(w -> {
            applyAll(w, List.of(o));
            return null;
          });
        } catch (RuntimeException e) {
          unrecorded(o, e);
        }
      }
    }
  }

  private static void unrecorded(Outcome o, RuntimeException e) {
    if (e instanceof SentMail.TakenOverException) {
      LOG.warn(e.getMessage());
    } else {
      LOG.warn("cannot record the outcome of outbound message {}; it is sent again when its claim lapses",
          o.message().id(), e);
    }
  }

  private void applyAll(Work w, List<Outcome> outcomes) {
    List<SentMail.Copy> sent = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      if (o instanceof Sent s) {
        sent.add(new SentMail.Copy(s.message(), s.sha256()));
      } else {
        apply(w, o);
      }
    }
    SentMail.recordAll(w, sent);
  }

  private void apply(Work w, Outcome o) {
    OutboundMessage m = o.message();
    OutboundMessage current = w.s().outbound().find(m.tenant(), m.id()).orElse(null);
    if (current == null || current.version() != m.version()) {
      return; // taken over meanwhile; its new holder decides
    }
    OutboundMessage next;
    if (o instanceof Retry retry) {
      Duration delay = backoff(m.delivery().attempts());
      next = m.with(m.delivery().retryAt(w.now().plus(delay), Text.storable(retry.error())), w.now());
      w.event(m.tenant(), EventType.SEND_RETRIED, m.conversation(), m.author(), null, retry.error(), 0);
    } else {
      String error = ((Failed) o).error();
      next = m.with(m.delivery().failed(Text.storable(error)), w.now());
      w.event(m.tenant(), EventType.SEND_FAILED, m.conversation(), m.author(), null, error, 0);
    }
    if (!w.s().outbound().update(next)) {
      throw new IllegalStateException("outbound message " + m.id() + " changed under its claim");
    }
  }

  /** The wait after {@code attempts} failures: doubling from the first retry, capped, shortened by jitter. */
  Duration backoff(int attempts) {
    long first = settings.firstRetry().toMillis();
    long max = settings.maxRetry().toMillis();
    int shift = Math.min(Math.max(attempts - 1, 0), 40);
    long base = first > (max >> shift) ? max : Math.min(max, first << shift);
    double factor;
    synchronized (random) {
      factor = 1 - settings.jitter() * random.nextDouble();
    }
    return Duration.ofMillis(Math.max(1, (long) (base * factor)));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The stored bytes, digested as the transport reads them so that the sent copy's hash costs no second read. */
  private static final class DigestingSource implements MailTransport.MimeSource {
    private final OutboundMime.Reader mime;
    private final OutboundMessage message;
    private @Nullable MessageDigest complete;

    DigestingSource(OutboundMime.Reader mime, OutboundMessage message) {
      this.mime = mime;
      this.message = message;
    }

    @Override
    public InputStream open() {
      MessageDigest digest = sha256Digest();
      complete = null;
      return new FilterInputStream(new DigestInputStream(mime.open(requireMime()), digest)) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b < 0) {
            complete = digest;
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          if (n < 0) {
            complete = digest;
          }
          return n;
        }
      };
    }

    BlobId sha256() {
      if (complete != null) {
        return BlobId.ofDigest(complete.digest());
      }
      MessageDigest digest = sha256Digest();
      try (InputStream in = new DigestInputStream(mime.open(requireMime()), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new org.mastermail.MasterMailException("cannot read message " + message.id() + ": " + e.getMessage(), e);
      }
      return BlobId.ofDigest(digest.digest());
    }

    private BlobId requireMime() {
      BlobId id = message.delivery().mime();
      if (id == null) {
        throw new IllegalStateException("queued message " + message.id() + " has no bytes");
      }
      return id;
    }
  }
}
