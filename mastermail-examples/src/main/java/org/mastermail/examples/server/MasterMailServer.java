package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import org.mastermail.MasterMail;
import org.mastermail.examples.server.api.LiveUpdates;
import org.mastermail.examples.server.api.RestApi;
import org.mastermail.examples.server.api.WebUi;
import org.mastermail.examples.server.auth.LoginThrottle;
import org.mastermail.examples.server.auth.Logins;
import org.mastermail.examples.server.auth.Sessions;
import org.mastermail.examples.server.config.ServerRules;
import org.mastermail.templates.MustacheRenderer;

/**
 * The HTTP server: the REST API of {@link RestApi} and the web UI of {@link WebUi} on Javalin (Jetty), for one
 * {@link MasterMail}.
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
  private final LiveUpdates live;

  private MasterMailServer(Javalin app, ServerSettings settings, LiveUpdates live) {
    this.app = app;
    this.settings = settings;
    this.live = live;
  }

  /**
   * Starts listening. {@code clock} times sessions and login limits (tests pass one they move).
   *
   * @throws io.javalin.util.JavalinBindException when the port is taken
   */
  public static MasterMailServer start(MasterMail mm, ServerRules rules, Logins logins, ServerSettings settings,
      Clock clock) {
    return start(mm, rules, logins, settings, clock, new LiveUpdates());
  }

  /**
   * Starts listening, with {@code live} telling browsers what changed: it must be a listener of {@code mm}
   * ({@link MasterMail.Builder#listener}) for the web UI to update without a reload.
   */
  public static MasterMailServer start(MasterMail mm, ServerRules rules, Logins logins, ServerSettings settings,
      Clock clock, LiveUpdates live) {
    requireNonNull(mm, "mm");
    requireNonNull(rules, "rules");
    requireNonNull(live, "live");
    requireNonNull(logins, "logins");
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    Sessions sessions = new Sessions(clock, settings.sessionIdle(), settings.sessionMaxAge());
    LoginThrottle throttle = new LoginThrottle(settings.loginsPerAccount(), settings.loginsPerAddress(), clock);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      RestApi.install(config, mm, rules, logins, sessions, throttle, settings.secureCookies(), live,
          new MustacheRenderer());
      WebUi.install(config);
    });
    app.start(settings.host(), settings.port());
    return new MasterMailServer(app, settings, live);
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
    live.close();
    app.stop();
  }
}
