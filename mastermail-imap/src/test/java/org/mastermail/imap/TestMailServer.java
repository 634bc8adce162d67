package org.mastermail.imap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Handler;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GreenMail's IMAP and POP3 (or the protocols asked for, SMTP and SMTPS among them) on free ports, with TCP_NODELAY on
 * its sockets: GreenMail writes a response line by line, and with Nagle's algorithm each command then waits 40 ms for
 * the client's delayed ACK, which made every test slow.
 */
final class TestMailServer extends GreenMail {
  TestMailServer() {
    this(ServerSetup.PROTOCOL_IMAP, ServerSetup.PROTOCOL_POP3);
  }

  /** The server with {@code protocols} ({@link ServerSetup#PROTOCOL_SMTP}, …), each on a free port. */
  TestMailServer(String... protocols) {
    super(Arrays.stream(protocols).map(p -> new ServerSetup(0, "127.0.0.1", p)).toArray(ServerSetup[]::new));
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
        case ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_SMTPS -> socket -> new SmtpHandler(
            new SmtpCommandRegistry(), managers.getSmtpManager(), socket);
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

  int port(String protocol) {
    return services.get(protocol).getPort();
  }

  /** The messages in the INBOX of {@code address}, whose account GreenMail made when mail for it arrived. */
  List<MimeMessage> inbox(String address) {
    GreenMailUser user = getUserManager().getUserByEmail(address);
    if (user == null) {
      throw new AssertionError("no mail arrived for " + address);
    }
    try {
      return getManagers().getImapHostManager().getInbox(user).getMessages().stream()
          .map(StoredMessage::getMimeMessage).toList();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
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
