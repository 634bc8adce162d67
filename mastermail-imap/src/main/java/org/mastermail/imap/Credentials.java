package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * How a source or the SMTP transport logs in: a password, or an OAuth 2 access token (SASL XOAUTH2) that the host
 * supplies afresh for each connection, since tokens expire:
 *
 * <pre>{@code
 * Credentials.password(secret)
 * Credentials.oauth2(() -> tokens.accessTokenFor("info@acme.example"))
 * }</pre>
 *
 * <p>The secret never appears in {@link #toString()}, so settings and sources may be logged.
 */
public final class Credentials {
  private final @Nullable String password;
  private final @Nullable Supplier<String> token;
  private final @Nullable Supplier<String> storedPassword;

  private Credentials(@Nullable String password, @Nullable Supplier<String> token) {
    this(password, token, null);
  }

  private Credentials(@Nullable String password, @Nullable Supplier<String> token,
      @Nullable Supplier<String> storedPassword) {
    this.password = password;
    this.token = token;
    this.storedPassword = storedPassword;
  }

  /** Logs in with {@code password}. */
  public static Credentials password(String password) {
    requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new InvalidInputException("a password must not be empty");
    }
    return new Credentials(password, null);
  }

  /**
   * Logs in with a password read at every connect, for example a stored secret:
   * {@code Credentials.password(mm.secrets().reader(tenant, "imap:info"))}; a changed password applies at the next
   * login.
   */
  public static Credentials password(Supplier<String> password) {
    requireNonNull(password, "password");
    return new Credentials(null, null, password);
  }

  /** Logs in with SASL XOAUTH2, asking {@code accessToken} for a token at every connect. */
  public static Credentials oauth2(Supplier<String> accessToken) {
    return new Credentials(null, requireNonNull(accessToken, "accessToken"));
  }

  /** Whether this logs in with an OAuth 2 token (XOAUTH2) rather than a password. */
  public boolean oauth2() {
    return token != null;
  }

  /**
   * The secret to log in with now: the password, or a fresh token. Package-private: only the sources and transports
   * read it.
   */
  String secret() {
    if (password != null) {
      return password;
    }
    if (storedPassword != null) {
      String value = storedPassword.get();
      if (value == null || value.isEmpty()) {
        throw new InvalidInputException("the password supplier returned no password");
      }
      return value;
    }
    String value = requireNonNull(token, "token").get();
    if (value == null || value.isEmpty()) {
      throw new InvalidInputException("the OAuth 2 token supplier returned no token");
    }
    return value;
  }

  @Override
  public String toString() {
    return oauth2() ? "Credentials[XOAUTH2 token from the host]" : "Credentials[password ****]";
  }
}
