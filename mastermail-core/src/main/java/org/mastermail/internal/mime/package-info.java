/**
 * Single-instance storage of raw messages: a message is kept as a small skeleton that references its attachments,
 * each stored once by the SHA-256 of its decoded bytes, and is rebuilt from them byte for byte.
 */
@NullMarked
package org.mastermail.internal.mime;

import org.jspecify.annotations.NullMarked;
