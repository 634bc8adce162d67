package org.mastermail.imap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Handler;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * GreenMail's IMAP and POP3 on free ports, with TCP_NODELAY on its sockets: GreenMail writes a response line by line,
 * and with Nagle's algorithm each command then waits 40 ms for the client's delayed ACK, which made every test slow.
 */
final class TestMailServer extends GreenMail {
  TestMailServer() {
    super(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
    withConfiguration(GreenMailConfiguration.aConfig().withUser(Fixture.USER, Fixture.USER, Fixture.PASSWORD));
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    Map<String, AbstractServer> services = new HashMap<>();
    for (ServerSetup setup : setups) {
      Function<Socket, ProtocolHandler> handler = switch (setup.getProtocol()) {
        case ServerSetup.PROTOCOL_IMAP -> socket -> new ImapHandler(managers.getUserManager(),
            managers.getImapHostManager(), socket);
        case ServerSetup.PROTOCOL_POP3 -> socket -> new Pop3Handler(new Pop3CommandRegistry(),
            managers.getUserManager(), socket);
        default -> throw new IllegalArgumentException(setup.getProtocol());
      };
      services.put(setup.getProtocol(), new NoDelayServer(setup, managers, handler));
    }
    return services;
  }

  int imapPort() {
    return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
  }

  int pop3Port() {
    return services.get(ServerSetup.PROTOCOL_POP3).getPort();
  }

  private static final class NoDelayServer extends AbstractServer {
    private final Function<Socket, ProtocolHandler> handler;

    NoDelayServer(ServerSetup setup, Managers managers, Function<Socket, ProtocolHandler> handler) {
      super(setup, managers);
      this.handler = handler;
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
      try {
        socket.setTcpNoDelay(true);
      } catch (SocketException e) {
        throw new IllegalStateException(e);
      }
      return handler.apply(socket);
    }
  }
}
