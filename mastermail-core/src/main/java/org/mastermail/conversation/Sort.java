package org.mastermail.conversation;

/** Order of a listing; every order is stable (ties broken by id) and paginates by keyset. */
public enum Sort {
  /** Latest activity first. */
  NEWEST,
  /** Oldest activity first. */
  OLDEST,
  /** Earliest due date first; conversations without one come last. */
  DUE
}
