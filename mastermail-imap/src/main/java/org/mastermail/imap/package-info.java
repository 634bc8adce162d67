/**
 * Mail sources and transports on Jakarta Mail. This module is reserved for the IMAP (IDLE, UID sync), POP3 (UIDL) and
 * SMTP adapters of the core {@code MailSource} and {@code MailTransport} SPIs; it holds no classes yet, so that no host
 * mistakes a placeholder for a working adapter.
 */
@NullMarked
package org.mastermail.imap;

import org.jspecify.annotations.NullMarked;
