/**
 * Passwords and tokens of sources and transports, kept encrypted (AES-256-GCM) with keys the host supplies; no API
 * returns them except the reader a host hands to the adapter that logs in with them.
 */
@NullMarked
package org.mastermail.secret;

import org.jspecify.annotations.NullMarked;
