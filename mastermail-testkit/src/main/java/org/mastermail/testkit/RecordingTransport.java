package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.mastermail.outbound.Envelope;
import org.mastermail.outbound.MailTransport;
import org.mastermail.outbound.TransportException;

/**
 * A {@link MailTransport} for tests: keeps every message it is given, and can be told to fail the next sends (a 4xx or
 * 5xx reply, or an error that stands for the sending node dying).
 *
 * <pre>{@code
 * RecordingTransport smtp = new RecordingTransport();
 * smtp.failNext(TransportException.reply(451, "try later", null));
 * Dispatcher d = mm.dispatcher(settings, mailbox -> Optional.of(smtp));
 * }</pre>
 */
public final class RecordingTransport implements MailTransport {
  private final List<Sent> sent = new ArrayList<>();
  private final Deque<Supplier<? extends Throwable>> failures = new ArrayDeque<>();
  private final Deque<Boolean> afterData = new ArrayDeque<>();
  private int attempts;

  /** One message as the transport received it. */
  public record Sent(Envelope envelope, byte[] mime) {
    public Sent {
      requireNonNull(envelope, "envelope");
      mime = mime.clone();
    }

    /** The bytes as text (ISO-8859-1, so that every byte maps to one character). */
    public String text() {
      return new String(mime, StandardCharsets.ISO_8859_1);
    }

    /** The value of the first header called {@code name}, unfolded, or null. */
    public String header(String name) {
      String t = text();
      int end = t.indexOf("\r\n\r\n");
      String head = (end < 0 ? t : t.substring(0, end)).replaceAll("\r\n[ \t]+", " ");
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  @Override
  public void send(Envelope envelope, MimeSource mime) {
    Supplier<? extends Throwable> failure;
    boolean accepted;
    synchronized (this) {
      attempts++;
      failure = failures.poll();
      accepted = failure != null && Boolean.TRUE.equals(afterData.poll());
    }
    byte[] bytes;
    try (InputStream in = mime.open()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (failure != null) {
      if (accepted) {
        synchronized (this) {
          sent.add(new Sent(envelope, bytes));
          notifyAll();
        }
      }
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
    synchronized (this) {
      sent.add(new Sent(envelope, bytes));
      notifyAll();
    }
  }

  /** Waits until at least {@code count} messages were accepted, or {@code timeout} passed; returns whether they were. */
  public synchronized boolean awaitSent(int count, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (sent.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Makes the next send fail with {@code failure} (queued after earlier ones). */
  public synchronized RecordingTransport failNext(TransportException failure) {
    failures.add(() -> failure);
    afterData.add(false);
    return this;
  }

  /**
   * Makes the next send throw {@code error} after reading the message, as if the node died during DATA: the dispatcher
   * does not catch an {@link Error}, so the claim stays until its lease lapses.
   */
  public synchronized RecordingTransport dieNext(Error error) {
    failures.add(() -> error);
    afterData.add(false);
    return this;
  }

  /**
   * Accepts the next message (it counts as sent) and then throws {@code error}, as if the node died after the server
   * answered DATA but before the outcome was recorded: the message will be sent again, with the same Message-ID.
   */
  public synchronized RecordingTransport dieAfterNext(Error error) {
    failures.add(() -> error);
    afterData.add(true);
    return this;
  }

  /** Every message accepted so far, in order. */
  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** How many sends were attempted, failed ones included. */
  public synchronized int attempts() {
    return attempts;
  }
}
