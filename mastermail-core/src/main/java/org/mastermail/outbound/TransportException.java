package org.mastermail.outbound;

import org.jspecify.annotations.Nullable;
import org.mastermail.MasterMailException;

/**
 * A message was not accepted. Permanent (an SMTP 5xx reply: the message fails at once, with the reply kept) or
 * transient (a 4xx reply, a timeout, a dropped connection: the dispatcher tries again later with the same bytes).
 */
public class TransportException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  private final boolean permanent;
  private final int code;

  /**
   * @param code the server's reply code, or 0 when there was none (no connection)
   */
  public TransportException(String message, boolean permanent, int code, @Nullable Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.code = code;
  }

  /** A 4xx/5xx reply: permanent for 5xx. */
  public static TransportException reply(int code, String reply, @Nullable Throwable cause) {
    return new TransportException(reply, code >= 500 && code < 600, code, cause);
  }

  /** The server could not be reached or the connection broke: worth another try. */
  public static TransportException unreachable(String message, @Nullable Throwable cause) {
    return new TransportException(message, false, 0, cause);
  }

  public boolean permanent() {
    return permanent;
  }

  /** The server's reply code, or 0. */
  public int code() {
    return code;
  }
}
