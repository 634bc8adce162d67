/**
 * Content-addressed, streaming storage of raw messages and attachments: every blob is stored once under the SHA-256
 * of its bytes, so the same file sent to ten people or two mailboxes takes its space once.
 */
@NullMarked
package org.mastermail.blob;

import org.jspecify.annotations.NullMarked;
