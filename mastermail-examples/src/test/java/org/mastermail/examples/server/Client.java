package org.mastermail.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One browser against the server: keeps its cookies, and sends the CSRF token of its login with every change. */
final class Client {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final URI base;
  private @Nullable String csrf;

  Client(URI base) {
    this.base = base;
  }

  /** What came back. */
  record Response(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Nullable String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
      return headers.allValues(name);
    }
  }

  /** The cookies this browser would send, as a {@code Cookie} header (for requests made with another client). */
  String cookieHeader() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
  }

  /** Logs in; on success keeps the session cookie and the CSRF token. */
  Response login(String email, String password) {
    Response r = send(HttpRequest.newBuilder(base.resolve("/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json("email", email, "password", password))));
    if (r.status() == 200) {
      csrf = r.json().get("csrfToken").asText();
    }
    return r;
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A JSON POST with the CSRF token (when logged in). */
  Response post(String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b);
  }

  /** A JSON POST carrying {@code token} as its CSRF token, or none when null. */
  Response postWithCsrf(String path, String body, @Nullable String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("X-CSRF-Token", token);
    }
    return send(b);
  }

  /** A POST with any content type (a form another site might send). */
  Response postAs(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return send(b);
  }

  @Nullable String csrf() {
    return csrf;
  }

  /** A JSON object of alternating names and values (strings, numbers, booleans, or JSON given as a JsonNode). */
  static String json(Object... namesAndValues) {
    var node = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      node.set(name, JSON.valueToTree(value));
    }
    return node.toString();
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
