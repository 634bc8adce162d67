package org.mastermail.examples.server.demo;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.MailCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The demo's mail server: GreenMail's IMAP and SMTP on 127.0.0.1, with TCP_NODELAY on its sockets. GreenMail writes
 * its responses line by line; with Nagle's algorithm every IMAP command then waits 40 ms for the client's delayed ACK,
 * which made fetching the demo mailbox take seconds instead of milliseconds.
 */
public final class DemoMailServer extends GreenMail {
  public static final String HOST = "127.0.0.1";

  /** IMAP and SMTP on these ports; 0 picks a free one. */
  public DemoMailServer(int imapPort, int smtpPort) {
    super(new ServerSetup[] {
        new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP),
        new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP)});
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    Map<String, AbstractServer> services = new HashMap<>();
    for (ServerSetup setup : setups) {
      Function<Socket, ProtocolHandler> handler = switch (setup.getProtocol()) {
        case ServerSetup.PROTOCOL_IMAP -> socket -> new ImapHandler(managers.getUserManager(),
            managers.getImapHostManager(), socket);
        case ServerSetup.PROTOCOL_SMTP -> socket -> new SmtpHandler(new NullSenderCommands(),
            managers.getSmtpManager(), socket);
        default -> throw new IllegalArgumentException(setup.getProtocol());
      };
      services.put(setup.getProtocol(), new NoDelayServer(setup, managers, handler));
    }
    return services;
  }

  public int imapPort() {
    return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
  }

  public int smtpPort() {
    return services.get(ServerSetup.PROTOCOL_SMTP).getPort();
  }

  /**
   * GreenMail 2.1.13 answers {@code MAIL FROM:<>} with 250 but then refuses every RCPT ("503 MAIL must come before
   * RCPT"), while RFC 5321 allows the null reverse-path and automatic replies must use it (RFC 3834). The demo's
   * server takes such mail as if sent from a stand-in sender, so that the demo's auto-replies arrive.
   */
  private static final class NullSenderCommands extends SmtpCommandRegistry {
    private static final Pattern NULL_SENDER = Pattern.compile("(?i)^MAIL FROM:\\s?<>");
    private static final String STAND_IN = "MAIL FROM:<mailer-daemon@localhost>";
    private static final SmtpCommand MAIL = new SmtpCommand() {
      @Override
      public void execute(SmtpConnection connection, SmtpState state, SmtpManager manager, String line)
          throws IOException {
        new MailCommand().execute(connection, state, manager, NULL_SENDER.matcher(line).replaceFirst(STAND_IN));
      }
    };

    @Override
    public SmtpCommand getCommand(String name) {
      return "MAIL".equalsIgnoreCase(name) ? MAIL : super.getCommand(name);
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
