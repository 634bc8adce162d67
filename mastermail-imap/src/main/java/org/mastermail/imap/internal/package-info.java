/** How the IMAP and POP3 sources work: connections, acknowledgement, IDLE. Not API: may change in any release. */
@NullMarked
package org.mastermail.imap.internal;

import org.jspecify.annotations.NullMarked;
