package org.mastermail.storage;

import org.jspecify.annotations.Nullable;
import org.mastermail.ConflictException;

/** A repository refused an insert because a unique key (an address, an email, a name) is already taken. */
public class DuplicateKeyException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public DuplicateKeyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
