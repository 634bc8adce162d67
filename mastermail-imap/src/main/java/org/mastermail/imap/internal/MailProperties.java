package org.mastermail.imap.internal;

import java.time.Duration;
import java.util.Properties;
import org.mastermail.imap.Security;

/**
 * The Jakarta Mail session properties of one source or transport. Each has its own {@code Session}, never the JVM's
 * default one, and nothing is read from system properties.
 */
public final class MailProperties {
  private final String prefix;
  private final Properties properties = new Properties();

  private MailProperties(String protocol) {
    this.prefix = "mail." + protocol + ".";
  }

  /**
   * Server, protection, login mechanism and timeouts for {@code protocol} ({@code "imap"}, {@code "pop3"} or
   * {@code "smtp"}): every network operation is bounded by one of the three timeouts.
   */
  public static MailProperties of(String protocol, String host, int port, Security security, Duration connectTimeout,
      Duration readTimeout, Duration writeTimeout, boolean oauth2) {
    MailProperties p = new MailProperties(protocol);
    p.set("host", host).set("port", Integer.toString(port))
        .set("connectiontimeout", millis(connectTimeout))
        .set("timeout", millis(readTimeout))
        .set("writetimeout", millis(writeTimeout));
    switch (security) {
      case SSL -> p.set("ssl.enable", "true").set("ssl.checkserveridentity", "true");
      case STARTTLS -> p.set("starttls.enable", "true").set("starttls.required", "true")
          .set("ssl.checkserveridentity", "true");
      case NONE -> { }
    }
    if (oauth2) {
      // the token travels as the password; no other mechanism may be tried with it
      p.set("auth.mechanisms", "XOAUTH2");
    }
    return p;
  }

  public MailProperties set(String name, String value) {
    properties.setProperty(prefix + name, value);
    return this;
  }

  /** Sets an object-valued property, such as {@code ssl.socketFactory}. */
  public MailProperties put(String name, Object value) {
    properties.put(prefix + name, value);
    return this;
  }

  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }
}
