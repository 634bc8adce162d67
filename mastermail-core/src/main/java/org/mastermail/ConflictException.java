package org.mastermail;

import org.jspecify.annotations.Nullable;

/** The change was made against a stale version, or collides with the current state (for example a duplicate address). */
public class ConflictException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
