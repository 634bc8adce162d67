package org.mastermail;

import org.jspecify.annotations.Nullable;

/** The one unchecked root of every exception MasterMail throws. */
public class MasterMailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MasterMailException(String message) {
    super(message);
  }

  public MasterMailException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
