package org.mastermail;

import org.jspecify.annotations.Nullable;

/** A referenced tenant, user, mailbox, status, conversation or other record does not exist (or is not visible to the actor, which is reported the same way so that existence does not leak). */
public class NotFoundException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
