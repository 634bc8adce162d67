package org.mastermail.permission;

/** Whether a per-user {@link Grant} adds or removes a permission. */
public enum Effect {
  GRANT,
  DENY
}
