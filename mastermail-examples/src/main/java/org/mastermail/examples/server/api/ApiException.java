package org.mastermail.examples.server.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A refusal that is the server's own, not core's: not logged in (401), a missing CSRF token (403), too many login
 * attempts (429). Core's refusals keep their own exceptions and are mapped by {@link Errors}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable Duration retryAfter;

  private ApiException(int status, String message, @Nullable Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public static ApiException notLoggedIn() {
    return new ApiException(401, "not logged in", null);
  }

  public static ApiException wrongLogin() {
    return new ApiException(401, "wrong email or password", null);
  }

  public static ApiException csrf() {
    return new ApiException(403, "missing or wrong X-CSRF-Token header: send the csrfToken of /api/me", null);
  }

  public static ApiException notJson() {
    return new ApiException(415, "the request body must be JSON (Content-Type: application/json)", null);
  }

  public static ApiException tooManyAttempts(Duration wait) {
    return new ApiException(429, "too many failed logins; try again in " + Math.max(1, wait.toSeconds())
        + " seconds", wait);
  }

  public int status() {
    return status;
  }

  /** How long a 429 asks the client to wait, or null. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
