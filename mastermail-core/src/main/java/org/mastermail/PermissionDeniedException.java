package org.mastermail;

import org.jspecify.annotations.Nullable;

/** The acting user may not do what was asked; the message says what was refused and why. */
public class PermissionDeniedException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message) {
    super(message);
  }

  public PermissionDeniedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
