package org.mastermail.imap;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.mastermail.InvalidInputException;

/**
 * Where and how {@link ImapSource} fetches: server, login, the folder to import, what to do with archived messages,
 * timeouts, and whether to wait with IDLE. Build it:
 *
 * <pre>{@code
 * ImapSettings settings = ImapSettings.builder("imap.acme.example", "info@acme.example", Credentials.password(pw))
 *     .folder("INBOX")                               // a personal mailbox's hand-off folder may be any folder
 *     .acknowledge(Acknowledge.moveTo("Archived"))
 *     .build();                                      // SSL on 993, IDLE on
 * }</pre>
 *
 * @param port the server's port (default: 993 for {@link Security#SSL}, else 143)
 * @param folder the folder to import
 * @param connectTimeout how long connecting may take
 * @param readTimeout how long the server may stay silent while it owes an answer; an IDLE is renewed within half of it
 *     so that a dead connection is noticed within it
 * @param writeTimeout how long a write to the server may block
 * @param fetchSize how much of a message one FETCH asks for while it is streamed (Angus' partial fetch): a bigger block
 *     means fewer round trips, and each block is held in memory once
 * @param idle whether {@link ImapSource#awaitNews} waits with IDLE where the server has it (else it polls)
 * @param idleInterval the longest single wait in {@link ImapSource#awaitNews}; below the 29 minutes after which
 *     servers may end an IDLE (RFC 2177)
 * @param batchSize how many messages are archived before they are acknowledged together
 */
public record ImapSettings(String host, int port, Security security, String username, Credentials credentials,
    String folder, Acknowledge acknowledge, Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
    int fetchSize, boolean idle, Duration idleInterval, int batchSize) {
  public static final String DEFAULT_FOLDER = "INBOX";
  public static final Security DEFAULT_SECURITY = Security.SSL;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);
  /** 1 MiB: Angus' default of 16 KiB makes large messages 14 times slower to fetch (see MEASURED.md). */
  public static final int DEFAULT_FETCH_SIZE = 1024 * 1024;
  public static final Duration DEFAULT_IDLE_INTERVAL = Duration.ofMinutes(20);
  /** Servers may end an IDLE after 30 minutes; an interval must stay below this. */
  public static final Duration MAX_IDLE_INTERVAL = Duration.ofMinutes(29);
  public static final int DEFAULT_BATCH_SIZE = 100;
  private static final int MIN_FETCH_SIZE = 4 * 1024;

  public ImapSettings {
    requireNonNull(security, "security");
    requireNonNull(credentials, "credentials");
    requireNonNull(acknowledge, "acknowledge");
    Validation.server(host, port, username);
    requireNonNull(folder, "folder");
    if (folder.isBlank()) {
      throw new InvalidInputException("the folder to import must be named");
    }
    if (acknowledge.target().filter(folder::equals).isPresent()) {
      throw new InvalidInputException("the processed folder must not be the imported folder " + folder);
    }
    Validation.timeout("connectTimeout", connectTimeout);
    Validation.timeout("readTimeout", readTimeout);
    Validation.timeout("writeTimeout", writeTimeout);
    if (fetchSize < MIN_FETCH_SIZE) {
      throw new InvalidInputException("fetchSize must be at least " + MIN_FETCH_SIZE + " bytes, was " + fetchSize);
    }
    requireNonNull(idleInterval, "idleInterval");
    if (idleInterval.isNegative() || idleInterval.isZero() || idleInterval.compareTo(MAX_IDLE_INTERVAL) > 0) {
      throw new InvalidInputException("idleInterval must be positive and at most " + MAX_IDLE_INTERVAL + ", was "
          + idleInterval);
    }
    if (batchSize < 1) {
      throw new InvalidInputException("batchSize must be positive, was " + batchSize);
    }
  }

  /** Settings for {@code username} on {@code host} with the defaults: SSL, INBOX, leave messages as they are, IDLE. */
  public static Builder builder(String host, String username, Credentials credentials) {
    return new Builder(host, username, credentials);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(host, username, credentials).port(port).security(security).folder(folder)
        .acknowledge(acknowledge).connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(writeTimeout)
        .fetchSize(fetchSize).idle(idle).idleInterval(idleInterval).batchSize(batchSize);
  }

  /** Builds {@link ImapSettings}; every setting but server, user and credentials has a default. */
  public static final class Builder {
    private final String host;
    private final String username;
    private final Credentials credentials;
    private int port;
    private Security security = DEFAULT_SECURITY;
    private String folder = DEFAULT_FOLDER;
    private Acknowledge acknowledge = Acknowledge.leave();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private boolean idle = true;
    private Duration idleInterval = DEFAULT_IDLE_INTERVAL;
    private int batchSize = DEFAULT_BATCH_SIZE;

    private Builder(String host, String username, Credentials credentials) {
      this.host = requireNonNull(host, "host");
      this.username = requireNonNull(username, "username");
      this.credentials = requireNonNull(credentials, "credentials");
    }

    /** The server's port; by default the usual one of the security. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder security(Security value) {
      this.security = requireNonNull(value, "security");
      return this;
    }

    public Builder folder(String value) {
      this.folder = requireNonNull(value, "folder");
      return this;
    }

    public Builder acknowledge(Acknowledge value) {
      this.acknowledge = requireNonNull(value, "acknowledge");
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

    public Builder fetchSize(int value) {
      this.fetchSize = value;
      return this;
    }

    public Builder idle(boolean value) {
      this.idle = value;
      return this;
    }

    public Builder idleInterval(Duration value) {
      this.idleInterval = requireNonNull(value, "idleInterval");
      return this;
    }

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public ImapSettings build() {
      return new ImapSettings(host, port == 0 ? security.imapPort() : port, security, username, credentials, folder,
          acknowledge, connectTimeout, readTimeout, writeTimeout, fetchSize, idle, idleInterval, batchSize);
    }
  }
}
