package org.mastermail.benchmarks;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail's IMAP server on a free loopback port with TCP_NODELAY on its sockets: GreenMail writes responses line by
 * line, and with Nagle's algorithm every command would wait 40 ms for the client's delayed ACK — a cost of this test
 * server, not of IMAP, that would swamp both sides of the comparison.
 */
final class LocalImapServer extends GreenMail {
  LocalImapServer() {
    super(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    return Map.of(ServerSetup.PROTOCOL_IMAP, new NoDelayServer(setups[0], managers));
  }

  int port() {
    return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
  }

  private static final class NoDelayServer extends AbstractServer {
    NoDelayServer(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      try {
        socket.setTcpNoDelay(true);
      } catch (SocketException e) {
        throw new IllegalStateException(e);
      }
      return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
    }
  }
}
