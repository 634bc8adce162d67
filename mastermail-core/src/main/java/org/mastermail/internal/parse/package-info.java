/**
 * Lenient, streaming parsing of raw RFC 5322 / MIME messages into a {@link
 * org.mastermail.internal.parse.ParsedMessage}, built on Apache mime4j's token stream.
 */
@NullMarked
package org.mastermail.internal.parse;

import org.jspecify.annotations.NullMarked;
