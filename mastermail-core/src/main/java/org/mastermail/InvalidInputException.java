package org.mastermail;

import org.jspecify.annotations.Nullable;

/** An argument is malformed or breaks a rule of the domain (blank name, unknown transition, ...); nothing was changed. */
public class InvalidInputException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
