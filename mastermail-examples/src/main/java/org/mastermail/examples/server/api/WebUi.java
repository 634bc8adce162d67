package org.mastermail.examples.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The web UI: static files from the jar's {@code /web} (no build step, no CDN) plus uPlot for the dashboard's charts
 * from its WebJar, under a content security policy that allows only the server's own scripts and styles. Mail HTML,
 * already sanitised by the API, is shown in a sandboxed frame without scripts.
 */
public final class WebUi {
  /** Scripts and styles from this server only; no inline script, no plugins, no framing of the UI elsewhere. */
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private static final String UPLOT = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private WebUi() {}

  /** Serves {@code /} (the app) and {@code /vendor/uplot.js|css}. */
  public static void install(JavalinConfig config) {
    Map<String, String> headers = Map.of("Content-Security-Policy", POLICY, "X-Content-Type-Options", "nosniff",
        "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Cache-Control", "no-cache");
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/web";
      files.location = Location.CLASSPATH;
      files.headers = headers;
      files.roles = Set.of(Access.Visibility.PUBLIC);
    });
    // the WebJar has no directory entries, which a static-file directory needs: its two files are routes
    String dist = "META-INF/resources/webjars/uplot/" + version(UPLOT) + "/dist/";
    vendor(config, headers, "/vendor/uplot/uPlot.iife.min.js", dist + "uPlot.iife.min.js", "text/javascript");
    vendor(config, headers, "/vendor/uplot/uPlot.min.css", dist + "uPlot.min.css", "text/css");
  }

  private static void vendor(JavalinConfig config, Map<String, String> headers, String path, String resource,
      String contentType) {
    byte[] content;
    try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.routes.get(path, ctx -> {
      headers.forEach(ctx::header);
      ctx.header("Cache-Control", "public, max-age=86400");
      ctx.contentType(contentType).result(content);
    }, Access.Visibility.PUBLIC);
  }

  private static String version(String pomProperties) {
    try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException(pomProperties + " is not on the class path: is the uPlot WebJar missing?");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
