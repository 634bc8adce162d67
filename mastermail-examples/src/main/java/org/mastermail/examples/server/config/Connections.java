package org.mastermail.examples.server.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;
import org.mastermail.examples.server.config.ServerConfig.ImapConfig;
import org.mastermail.examples.server.config.ServerConfig.SmtpConfig;
import org.mastermail.imap.Acknowledge;
import org.mastermail.imap.Credentials;
import org.mastermail.imap.ImapSettings;
import org.mastermail.imap.Security;
import org.mastermail.imap.SmtpSettings;

/** Turns the config's mail server entries into {@code mastermail-imap} settings. */
public final class Connections {
  private Connections() {}

  public static ImapSettings imap(ImapConfig c) {
    ImapSettings.Builder b = ImapSettings.builder(c.host(), c.username(), Credentials.password(c.password()))
        .security(security(c.security(), Security.SSL));
    if (c.port() != null) {
      b.port(c.port());
    }
    if (c.folder() != null) {
      b.folder(c.folder());
    }
    if (c.idle() != null) {
      b.idle(c.idle());
    }
    return b.acknowledge(acknowledge(c.acknowledge())).build();
  }

  public static SmtpSettings smtp(SmtpConfig c) {
    SmtpSettings.Builder b = SmtpSettings.builder(c.host(), c.port()).security(security(c.security(),
        Security.STARTTLS));
    if (c.username() != null || c.password() != null) {
      if (c.username() == null || c.password() == null) {
        throw new InvalidInputException("smtp of " + c.host() + ": give username and password together");
      }
      b.credentials(c.username(), Credentials.password(c.password()));
    }
    return b.build();
  }

  private static Security security(@Nullable String value, Security fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Security.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("security must be ssl, starttls or none, was '" + value + "'", e);
    }
  }

  private static Acknowledge acknowledge(@Nullable String value) {
    if (value == null || value.equals("leave")) {
      return Acknowledge.leave();
    }
    if (value.equals("seen")) {
      return Acknowledge.markSeen();
    }
    if (value.startsWith("move:") && value.length() > "move:".length()) {
      return Acknowledge.moveTo(value.substring("move:".length()));
    }
    throw new InvalidInputException("acknowledge must be leave, seen or move:FOLDER, was '" + value + "'");
  }
}
