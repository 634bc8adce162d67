package org.mastermail.examples.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.mastermail.examples.server.auth.LoginThrottle;
import org.mastermail.examples.server.auth.Sessions;

/**
 * How the HTTP side of the server behaves: where it listens, its cookies, sessions and login limits.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.builder().port(8443).secureCookies(true).build();
 * }</pre>
 *
 * @param host the address to listen on ({@code 0.0.0.0}: every interface)
 * @param port the port, 0 for a free one
 * @param secureCookies whether the session cookie is {@code Secure} (and {@code __Host-} prefixed): on whenever
 *     browsers reach the server over HTTPS, also through a proxy that ends TLS
 */
public record ServerSettings(String host, int port, boolean secureCookies, Duration sessionIdle,
    Duration sessionMaxAge, LoginThrottle.Limit loginsPerAccount, LoginThrottle.Limit loginsPerAddress) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final ServerSettings DEFAULTS = builder().build();

  public ServerSettings {
    requireNonNull(host, "host");
    requireNonNull(sessionIdle, "sessionIdle");
    requireNonNull(sessionMaxAge, "sessionMaxAge");
    requireNonNull(loginsPerAccount, "loginsPerAccount");
    requireNonNull(loginsPerAddress, "loginsPerAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().host(host).port(port).secureCookies(secureCookies).sessions(sessionIdle, sessionMaxAge)
        .loginLimits(loginsPerAccount, loginsPerAddress);
  }

  /** Builds {@link ServerSettings}; every setting has a default. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private boolean secureCookies;
    private Duration sessionIdle = Sessions.DEFAULT_IDLE;
    private Duration sessionMaxAge = Sessions.DEFAULT_MAX_AGE;
    private LoginThrottle.Limit perAccount = LoginThrottle.DEFAULT_PER_ACCOUNT;
    private LoginThrottle.Limit perAddress = LoginThrottle.DEFAULT_PER_ADDRESS;

    private Builder() {}

    public Builder host(String value) {
      this.host = requireNonNull(value, "host");
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder secureCookies(boolean value) {
      this.secureCookies = value;
      return this;
    }

    /** A session ends after {@code idle} without requests, and {@code maxAge} after login at the latest. */
    public Builder sessions(Duration idle, Duration maxAge) {
      this.sessionIdle = requireNonNull(idle, "idle");
      this.sessionMaxAge = requireNonNull(maxAge, "maxAge");
      return this;
    }

    public Builder loginLimits(LoginThrottle.Limit account, LoginThrottle.Limit address) {
      this.perAccount = requireNonNull(account, "account");
      this.perAddress = requireNonNull(address, "address");
      return this;
    }

    public ServerSettings build() {
      return new ServerSettings(host, port, secureCookies, sessionIdle, sessionMaxAge, perAccount, perAddress);
    }
  }
}
