package org.mastermail.examples.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mastermail.examples.server.auth.PasswordHasher;
import org.mastermail.examples.server.demo.Demo;
import org.slf4j.LoggerFactory;

/**
 * {@code warm-up}: the demo started on free ports, used the way a browser uses it (log in, the inbox, a conversation,
 * the dashboard, the page itself), then stopped. Run under {@code -XX:ArchiveClassesAtExit=FILE}, it leaves a
 * class-data archive of every class a demo start needs, already parsed and verified; {@code -XX:SharedArchiveFile=FILE}
 * then starts the demo with them mapped from the archive instead of loaded from the jar. The build does this.
 */
final class WarmUp {
  private static final Pattern FIRST_ID = Pattern.compile("\"items\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");

  private WarmUp() {}

  static void run(PrintStream out) throws IOException, InterruptedException {
    // it runs inside the build: only what goes wrong is worth a line there
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    root.setLevel(Level.WARN);
    try {
      exercise(out);
    } finally {
      root.setLevel(level);
    }
  }

  private static void exercise(PrintStream out) throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("mastermail-warm-up");
    long started = System.nanoTime();
    try (Demo demo = Demo.start(new Demo.Options(data, ServerSettings.builder().host("127.0.0.1").port(0).build(), 0,
        0, PasswordHasher.DEFAULT, events -> { }))) {
      URI base = URI.create("http://127.0.0.1:" + demo.node().server().port());
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      get(http, base, "/");
      get(http, base, "/app.js");
      Demo.Login anna = Demo.LOGINS.get(0);
      send(http, HttpRequest.newBuilder(base.resolve("/api/login")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + anna.email() + "\",\"password\":\""
              + anna.password() + "\"}")));
      for (String path : new String[] {"/api/me", "/api/users", "/api/statuses", "/api/mailboxes", "/api/accounts",
          "/api/counts", "/api/stats/daily"}) {
        get(http, base, path);
      }
      Matcher first = FIRST_ID.matcher(get(http, base, "/api/conversations?view=all&include=from"));
      if (first.find()) {
        get(http, base, "/api/conversations/" + first.group(1));
      }
      out.printf("warm-up done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    } finally {
      deleteTree(data);
    }
  }

  private static String get(HttpClient http, URI base, String path) throws IOException, InterruptedException {
    return send(http, HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
