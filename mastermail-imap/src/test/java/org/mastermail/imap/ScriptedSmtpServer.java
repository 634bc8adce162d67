package org.mastermail.imap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP server for tests that answers as scripted and records what it receives: a plain {@link ServerSocket} on a
 * free loopback port, one thread per connection. Every command line is recorded as sent (CRLF removed), every message
 * as the bytes a real server would deliver (the dot-stuffing undone), both in arrival order and before the server
 * answers, so a test may assert them as soon as the client returns.
 *
 * <p>Each {@link Step} answers with a default reply (a server that accepts everything) unless replies were scripted
 * for it with {@link #on}; scripted replies are used up in order, across all connections, then the default answers
 * again. Besides a reply line (or lines, separated by {@code \n}; after a 421 the server closes the connection, as
 * real ones do) a step may be {@link #DROP} (the connection is closed instead), {@link #HANG} (no answer ever: the
 * client's read timeout must end it), or for {@link Step#DATA} {@link #DROP_IN_DATA} (354, then the connection is
 * closed after the first line of the message).
 *
 * <pre>{@code
 * try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
 *   server.on(Step.END_OF_DATA, "451 4.3.0 try again later");    // the first message is refused, later ones pass
 *   server.on(Step.RCPT, "250 2.1.5 ok", "550 5.1.1 no such user"); // the second recipient is refused
 *   ... send to 127.0.0.1:server.port() ...
 *   assertThat(server.commands()).contains("MAIL FROM:<>");
 * }
 * }</pre>
 */
final class ScriptedSmtpServer implements AutoCloseable {
  /** Closes the connection instead of answering. */
  static final String DROP = "<drop>";
  /** Never answers; the connection stays open until the server is closed. */
  static final String HANG = "<hang>";
  /** For {@link Step#DATA}: answers 354, reads the first line of the message, then closes the connection. */
  static final String DROP_IN_DATA = "<drop in data>";

  /** Where the server answers: on connecting, to each command, and after the message's terminating dot. */
  enum Step {
    GREETING("220 scripted.test ESMTP ready"),
    EHLO(null),
    HELO("250 scripted.test"),
    MAIL("250 2.1.0 sender ok"),
    RCPT("250 2.1.5 recipient ok"),
    DATA("354 end data with <CRLF>.<CRLF>"),
    END_OF_DATA("250 2.0.0 queued"),
    RSET("250 2.0.0 reset"),
    NOOP("250 2.0.0 ok"),
    QUIT("221 2.0.0 bye"),
    OTHER("502 5.5.2 command not implemented");

    private final @Nullable String defaultReply;

    Step(@Nullable String defaultReply) {
      this.defaultReply = defaultReply;
    }
  }

  private final ServerSocket listener;
  private final Map<Step, Deque<String>> script = new EnumMap<>(Step.class);
  private final List<String> commands = new ArrayList<>();
  private final List<byte[]> messages = new ArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile List<String> extensions = List.of();
  private int connections;
  private int ended;

  private ScriptedSmtpServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "scripted-smtp-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /** A server accepting everything, listening on a free port. */
  static ScriptedSmtpServer start() {
    try {
      return new ScriptedSmtpServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Scripts the next answers at {@code step}, used up in order before the default answers again. */
  synchronized ScriptedSmtpServer on(Step step, String... replies) {
    script.computeIfAbsent(step, s -> new ArrayDeque<>()).addAll(List.of(replies));
    return this;
  }

  /** The EHLO keywords the server offers ({@code "8BITMIME"}, {@code "SIZE 1000"}); none by default. */
  ScriptedSmtpServer extensions(String... keywords) {
    extensions = List.of(keywords);
    return this;
  }

  /** Every command line received, on every connection, in arrival order. */
  synchronized List<String> commands() {
    return List.copyOf(commands);
  }

  /** The command lines starting with {@code verb} (case-insensitive), such as {@code "MAIL"}. */
  synchronized List<String> commands(String verb) {
    return commands.stream().filter(c -> c.regionMatches(true, 0, verb, 0, verb.length())).toList();
  }

  /** Every complete message received (what followed DATA up to the terminating dot, unstuffed). */
  synchronized List<byte[]> messages() {
    return List.copyOf(messages);
  }

  /** How many connections were accepted. */
  synchronized int connections() {
    return connections;
  }

  /** How many connections have ended (closed by either side). */
  synchronized int endedConnections() {
    return ended;
  }

  /** Waits until {@code condition} holds for this server (it is checked whenever something is recorded). */
  synchronized void await(Predicate<ScriptedSmtpServer> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the SMTP server did not get there within " + timeout + "; commands: " + commands);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Drops every open connection, as a server restart would. */
  void dropAll() {
    open.forEach(ScriptedSmtpServer::closeQuietly);
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    dropAll();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        synchronized (this) {
          connections++;
          notifyAll();
        }
        Thread t = new Thread(() -> serve(socket), "scripted-smtp-" + connections());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      if (!answer(Step.GREETING, out)) {
        return;
      }
      byte[] line;
      while ((line = readLine(in)) != null) {
        String command = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
        record(command);
        Step step = step(command);
        if (step == Step.DATA) {
          String reply = next(Step.DATA);
          if (reply.equals(DROP_IN_DATA)) {
            write(out, "354 go ahead");
            readLine(in);
            return;
          }
          if (!respond(reply, out) || !reply.startsWith("354")) {
            continue;
          }
          byte[] message = readMessage(in);
          if (message == null) {
            return;
          }
          recordMessage(message);
          step = Step.END_OF_DATA;
        }
        if (!answer(step, out) || step == Step.QUIT) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(socket);
      synchronized (this) {
        ended++;
        notifyAll();
      }
    }
  }

  private static Step step(String command) {
    String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    if (verb.startsWith("MAIL")) {
      return Step.MAIL;
    } else if (verb.startsWith("RCPT")) {
      return Step.RCPT;
    }
    for (Step s : Step.values()) {
      if (s.name().equals(verb)) {
        return s;
      }
    }
    return Step.OTHER;
  }

  /** Answers at {@code step}; false when the connection is to end. */
  private boolean answer(Step step, OutputStream out) throws IOException {
    return respond(next(step), out);
  }

  private boolean respond(String reply, OutputStream out) throws IOException {
    if (reply.equals(DROP) || reply.equals(DROP_IN_DATA)) {
      return false;
    }
    if (reply.equals(HANG)) {
      try {
        closing.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
    write(out, reply);
    return !reply.startsWith("421"); // 421: the server closes the channel (RFC 5321 3.8)
  }

  private synchronized String next(Step step) {
    Deque<String> scripted = script.get(step);
    if (scripted != null && !scripted.isEmpty()) {
      return scripted.poll();
    }
    if (step == Step.EHLO) {
      StringBuilder ehlo = new StringBuilder("250");
      List<String> keywords = extensions;
      ehlo.append(keywords.isEmpty() ? " " : "-").append("scripted.test");
      for (int i = 0; i < keywords.size(); i++) {
        ehlo.append('\n').append(i == keywords.size() - 1 ? "250 " : "250-").append(keywords.get(i));
      }
      return ehlo.toString();
    }
    return step.defaultReply;
  }

  private synchronized void record(String command) {
    commands.add(command);
    notifyAll();
  }

  private synchronized void recordMessage(byte[] message) {
    messages.add(message);
    notifyAll();
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The message up to its terminating dot line, the leading dot of stuffed lines removed; null if the client left. */
  private static byte @Nullable [] readMessage(InputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    byte[] line;
    while ((line = readLine(in)) != null) {
      if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
        return message.toByteArray();
      }
      int from = line.length > 0 && line[0] == '.' ? 1 : 0;
      message.write(line, from, line.length - from);
    }
    return null;
  }

  /** One line with its line end as received, or null at the end of the stream. */
  private static byte @Nullable [] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        return line.toByteArray();
      }
    }
    return line.size() == 0 ? null : line.toByteArray();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
