package org.mastermail.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy in front of the test server that breaks connections on demand: drops them all, drops one after the
 * server sent some more bytes (a connection lost mid-FETCH), or freezes them (a dead peer that never answers).
 */
final class FaultyProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong cutAfter = new AtomicLong(-1);
  private volatile boolean frozen;
  private volatile boolean closed;

  FaultyProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "faulty-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Drops every open connection. */
  void cutAll() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  /** Drops the connection on which the server sends its next {@code bytes} bytes, once they are through. */
  void cutAfterServerBytes(long bytes) {
    cutAfter.set(bytes);
  }

  /** Stops forwarding anything: both ends wait forever, as with a peer that died without closing. */
  void freeze() {
    frozen = true;
  }

  /** Drops the frozen connections and forwards new ones again. */
  void thaw() {
    cutAll();
    frozen = false;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, false);
        pump(server, client, true);
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          while (frozen && !from.isClosed()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
          }
          if (fromServer) {
            long left = cutAfter.get();
            if (left >= 0 && n >= left && cutAfter.compareAndSet(left, -1)) {
              out.write(buffer, 0, (int) left);
              out.flush();
              break;
            } else if (left >= 0) {
              cutAfter.addAndGet(-n);
            }
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side is gone: so is the other
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "faulty-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    cutAll();
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
