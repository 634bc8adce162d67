package org.mastermail.status;

/** What a status means to the engine, whatever the tenant calls it. */
public enum StatusCategory {
  /** Work to do (received, in progress). */
  OPEN,
  /** Waiting for someone else (waiting for answer, waiting for urgent answer). */
  WAITING,
  /** Done (archived). A new message reopens a closed conversation. */
  CLOSED
}
