/**
 * How the IMAP and POP3 sources and the SMTP transport work: connections, acknowledgement, IDLE, sending. Not API: may
 * change in any release.
 */
@NullMarked
package org.mastermail.imap.internal;

import org.jspecify.annotations.NullMarked;
