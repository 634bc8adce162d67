package org.mastermail.storage;

import org.mastermail.MasterMailException;

/**
 * The tenant's access revision is not the one a query was made for: access changed meanwhile, and the engine resolves
 * it again and repeats the query. Never reaches a caller of the engine.
 */
public final class StaleAccessException extends MasterMailException {
  private static final long serialVersionUID = 1L;

  public StaleAccessException(String message) {
    super(message);
  }
}
