package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import org.mastermail.MasterMail;
import org.mastermail.examples.server.api.RestApi;
import org.mastermail.examples.server.auth.LoginThrottle;
import org.mastermail.examples.server.auth.Logins;
import org.mastermail.examples.server.auth.Sessions;
import org.mastermail.examples.server.config.ServerRules;

/**
 * The HTTP server: the REST API of {@link RestApi} on Javalin (Jetty), for one {@link MasterMail}.
 *
 * <pre>{@code
 * try (MasterMailServer server = MasterMailServer.start(mm, logins, ServerSettings.DEFAULTS, Clock.systemUTC())) {
 *   System.out.println("listening on " + server.uri());
 *   ...
 * }
 * }</pre>
 */
public final class MasterMailServer implements AutoCloseable {
  private final Javalin app;
  private final ServerSettings settings;

  private MasterMailServer(Javalin app, ServerSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  /**
   * Starts listening. {@code clock} times sessions and login limits (tests pass one they move).
   *
   * @throws io.javalin.util.JavalinBindException when the port is taken
   */
  public static MasterMailServer start(MasterMail mm, ServerRules rules, Logins logins, ServerSettings settings,
      Clock clock) {
    requireNonNull(mm, "mm");
    requireNonNull(rules, "rules");
    requireNonNull(logins, "logins");
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    Sessions sessions = new Sessions(clock, settings.sessionIdle(), settings.sessionMaxAge());
    LoginThrottle throttle = new LoginThrottle(settings.loginsPerAccount(), settings.loginsPerAddress(), clock);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      RestApi.install(config, mm, rules, logins, sessions, throttle, settings.secureCookies());
    });
    app.start(settings.host(), settings.port());
    return new MasterMailServer(app, settings);
  }

  /** The port listened on (the free one chosen when the settings asked for 0). */
  public int port() {
    return app.port();
  }

  /** The address to open in a browser on this machine. */
  public URI uri() {
    String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "localhost" : settings.host();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  @Override
  public void close() {
    app.stop();
  }
}
