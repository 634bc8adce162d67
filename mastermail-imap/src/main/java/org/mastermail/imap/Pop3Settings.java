package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Where and how {@link Pop3Source} fetches:
 *
 * <pre>{@code
 * Pop3Settings settings = Pop3Settings.builder("pop.acme.example", "info@acme.example", Credentials.password(pw))
 *     .deleteAfterArchive(true)     // default false: POP3 mail stays on the server
 *     .build();                     // SSL on 995
 * }</pre>
 *
 * @param port the server's port (default: 995 for {@link Security#SSL}, else 110)
 * @param deleteAfterArchive whether a message is deleted on the server once it is archived (at the end of the session,
 *     as POP3 deletes); never otherwise
 */
public record Pop3Settings(String host, int port, Security security, String username, Credentials credentials,
    boolean deleteAfterArchive, Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {
  public static final Security DEFAULT_SECURITY = Security.SSL;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = ImapSettings.DEFAULT_CONNECT_TIMEOUT;
  public static final Duration DEFAULT_READ_TIMEOUT = ImapSettings.DEFAULT_READ_TIMEOUT;
  public static final Duration DEFAULT_WRITE_TIMEOUT = ImapSettings.DEFAULT_WRITE_TIMEOUT;

  public Pop3Settings {
    requireNonNull(security, "security");
    requireNonNull(credentials, "credentials");
    Validation.server(host, port, username);
    Validation.timeout("connectTimeout", connectTimeout);
    Validation.timeout("readTimeout", readTimeout);
    Validation.timeout("writeTimeout", writeTimeout);
  }

  /** Settings for {@code username} on {@code host}: SSL, messages kept on the server. */
  public static Builder builder(String host, String username, Credentials credentials) {
    return new Builder(host, username, credentials);
  }

  /** Builds {@link Pop3Settings}. */
  public static final class Builder {
    private final String host;
    private final String username;
    private final Credentials credentials;
    private int port;
    private Security security = DEFAULT_SECURITY;
    private boolean deleteAfterArchive;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;

    private Builder(String host, String username, Credentials credentials) {
      this.host = requireNonNull(host, "host");
      this.username = requireNonNull(username, "username");
      this.credentials = requireNonNull(credentials, "credentials");
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder security(Security value) {
      this.security = requireNonNull(value, "security");
      return this;
    }

    public Builder deleteAfterArchive(boolean value) {
      this.deleteAfterArchive = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = requireNonNull(value, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = requireNonNull(value, "readTimeout");
      return this;
    }

    public Builder writeTimeout(Duration value) {
      this.writeTimeout = requireNonNull(value, "writeTimeout");
      return this;
    }

    public Pop3Settings build() {
      return new Pop3Settings(host, port == 0 ? security.pop3Port() : port, security, username, credentials,
          deleteAfterArchive, connectTimeout, readTimeout, writeTimeout);
    }
  }
}
