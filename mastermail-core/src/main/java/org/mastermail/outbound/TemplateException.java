package org.mastermail.outbound;

import org.mastermail.InvalidInputException;

/** A template is malformed, or uses a variable its data lacks. */
public class TemplateException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
