package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * Where and how {@link SmtpTransport} sends: server, protection, login, timeouts, and how many connections it keeps
 * open between messages. Build it:
 *
 * <pre>{@code
 * SmtpSettings settings = SmtpSettings.builder("smtp.acme.example", 587)   // STARTTLS, required
 *     .credentials("info@acme.example", Credentials.password(pw))
 *     .build();
 * SmtpSettings smtps = SmtpSettings.builder("smtp.acme.example", 465).ssl()
 *     .credentials("info@acme.example", Credentials.oauth2(() -> tokens.accessTokenFor("info@acme.example")))
 *     .build();
 * }</pre>
 *
 * @param security {@link Security#STARTTLS} (the connection fails when the server does not offer it),
 *     {@link Security#SSL} (SMTPS, usually port 465) or {@link Security#NONE}
 * @param username who logs in, or null to send without logging in; set together with {@code credentials}
 * @param credentials the password or OAuth 2 token of {@code username}, or null
 * @param trust which server certificates a TLS connection accepts
 * @param connectTimeout how long opening a connection may take
 * @param readTimeout how long the server may take to answer one command, the reply to the end of the message included
 *     (a server may spend minutes accepting a large message: giving up too early sends it twice)
 * @param writeTimeout how long a write to the server may block
 * @param ehloName the name this client gives in EHLO, or null for the local host's name
 * @param maxIdleConnections how many connections are kept open between messages for the next ones (0: a connection per
 *     message)
 * @param maxIdleTime how long a connection may stay unused and still be used again; older ones are closed
 * @param maxMessagesPerConnection how many messages one connection sends before it is closed (servers limit this)
 */
public record SmtpSettings(String host, int port, Security security, @Nullable String username,
    @Nullable Credentials credentials, Trust trust, Duration connectTimeout, Duration readTimeout,
    Duration writeTimeout, @Nullable String ehloName, int maxIdleConnections, Duration maxIdleTime,
    int maxMessagesPerConnection) {
  public static final Security DEFAULT_SECURITY = Security.STARTTLS;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
  /** 5 minutes: RFC 5321 (4.5.3.2) asks clients to wait at least that long for most replies, 10 for the last. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
  /** 3 minutes: RFC 5321's timeout for sending a block of the message. */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMinutes(3);
  public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 4;
  /** 30 seconds: well below the idle timeouts of common servers (Postfix: 5 minutes). */
  public static final Duration DEFAULT_MAX_IDLE_TIME = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_MESSAGES_PER_CONNECTION = 100;

  public SmtpSettings {
    Validation.host(host);
    Validation.port(port);
    requireNonNull(security, "security");
    requireNonNull(trust, "trust");
    if ((username == null) != (credentials == null)) {
      throw new InvalidInputException("username and credentials go together: give both to log in, or neither");
    }
    if (username != null) {
      Validation.username(username);
    }
    Validation.timeout("connectTimeout", connectTimeout);
    Validation.timeout("readTimeout", readTimeout);
    Validation.timeout("writeTimeout", writeTimeout);
    if (ehloName != null && (ehloName.isEmpty() || ehloName.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
      throw new InvalidInputException("ehloName must be a host name or address literal of printable ASCII without"
          + " spaces, was '" + ehloName + "'");
    }
    if (maxIdleConnections < 0) {
      throw new InvalidInputException("maxIdleConnections must not be negative, was " + maxIdleConnections);
    }
    Validation.timeout("maxIdleTime", maxIdleTime);
    if (maxMessagesPerConnection < 1) {
      throw new InvalidInputException("maxMessagesPerConnection must be positive, was " + maxMessagesPerConnection);
    }
  }

  /** Settings for the server at {@code host}:{@code port} with the defaults: STARTTLS required, no login. */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder(host, port).security(security).trust(trust).connectTimeout(connectTimeout)
        .readTimeout(readTimeout).writeTimeout(writeTimeout).maxIdleConnections(maxIdleConnections)
        .maxIdleTime(maxIdleTime).maxMessagesPerConnection(maxMessagesPerConnection);
    b.username = username;
    b.credentials = credentials;
    b.ehloName = ehloName;
    return b;
  }

  /** Builds {@link SmtpSettings}; every setting but the server has a default. */
  public static final class Builder {
    private final String host;
    private final int port;
    private Security security = DEFAULT_SECURITY;
    private @Nullable String username;
    private @Nullable Credentials credentials;
    private Trust trust = Trust.system();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private @Nullable String ehloName;
    private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
    private Duration maxIdleTime = DEFAULT_MAX_IDLE_TIME;
    private int maxMessagesPerConnection = DEFAULT_MAX_MESSAGES_PER_CONNECTION;

    private Builder(String host, int port) {
      this.host = requireNonNull(host, "host");
      this.port = port;
    }

    public Builder security(Security value) {
      this.security = requireNonNull(value, "security");
      return this;
    }

    /** A plain connection upgraded with STARTTLS, which the server must offer (the default; port 587). */
    public Builder starttls() {
      return security(Security.STARTTLS);
    }

    /** TLS from the first byte: SMTPS (port 465). */
    public Builder ssl() {
      return security(Security.SSL);
    }

    /** Logs in as {@code username} with a password or an OAuth 2 token (XOAUTH2). */
    public Builder credentials(String username, Credentials credentials) {
      this.username = requireNonNull(username, "username");
      this.credentials = requireNonNull(credentials, "credentials");
      return this;
    }

    public Builder trust(Trust value) {
      this.trust = requireNonNull(value, "trust");
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

    public Builder ehloName(String value) {
      this.ehloName = requireNonNull(value, "ehloName");
      return this;
    }

    public Builder maxIdleConnections(int value) {
      this.maxIdleConnections = value;
      return this;
    }

    public Builder maxIdleTime(Duration value) {
      this.maxIdleTime = requireNonNull(value, "maxIdleTime");
      return this;
    }

    public Builder maxMessagesPerConnection(int value) {
      this.maxMessagesPerConnection = value;
      return this;
    }

    public SmtpSettings build() {
      return new SmtpSettings(host, port, security, username, credentials, trust, connectTimeout, readTimeout,
          writeTimeout, ehloName, maxIdleConnections, maxIdleTime, maxMessagesPerConnection);
    }
  }
}
