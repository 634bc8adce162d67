package org.mastermail.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every message and keeps only a count: the receiving end of the dispatch benchmark, so
 * that what is measured is the sender, not a server storing mail. One thread per connection; ESMTP with PIPELINING
 * and 8BITMIME so that Jakarta Mail talks to it as to a real server. A reply delay stands for a server further away.
 */
final class LocalSmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicLong accepted = new AtomicLong();
  /** The bytes of the accepted messages as they arrived, line ends included, dot-stuffing not. */
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean closed;
  private volatile long replyDelayMillis;

  LocalSmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Makes every reply wait {@code millis}, as a server that far away would (0: answer at once). */
  void replyDelay(long millis) {
    this.replyDelayMillis = millis;
  }

  int port() {
    return server.getLocalPort();
  }

  long accepted() {
    return accepted.get();
  }

  /** Waits until {@code count} messages in all were accepted; false after {@code timeoutMillis}. */
  synchronized boolean awaitAccepted(long count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (accepted.get() < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** The bytes of all messages accepted so far: both sides of the benchmark must send the same. */
  long bytes() {
    return bytes.get();
  }

  long connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "smtp-sink-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
        OutputStream out = s.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      StringBuilder line = new StringBuilder();
      while (true) {
        if (!readLine(in, line)) {
          return;
        }
        String cmd = line.toString().toUpperCase(Locale.ROOT);
        if (cmd.startsWith("EHLO")) {
          reply(out, "250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 104857600");
        } else if (cmd.startsWith("HELO") || cmd.startsWith("MAIL") || cmd.startsWith("RCPT")
            || cmd.startsWith("RSET") || cmd.startsWith("NOOP")) {
          reply(out, "250 ok");
        } else if (cmd.startsWith("DATA")) {
          reply(out, "354 go ahead");
          long size = 0;
          while (readLine(in, line) && !line.toString().equals(".")) {
            size += line.length() - (line.length() > 1 && line.charAt(0) == '.' ? 1 : 0) + 2;
          }
          bytes.addAndGet(size);
          reply(out, "250 queued");
          synchronized (this) {
            accepted.incrementAndGet();
            notifyAll();
          }
        } else if (cmd.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return true;
      }
      line.append((char) c);
    }
    return false;
  }

  private void reply(OutputStream out, String text) throws IOException {
    long delay = replyDelayMillis;
    if (delay > 0) {
      try {
        Thread.sleep(delay); // simulated network distance, not a wait for a condition
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
