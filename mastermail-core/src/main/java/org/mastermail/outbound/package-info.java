/**
 * Mail that leaves: drafts, the outbox, sent and failed messages, sending accounts, templates, the
 * {@link org.mastermail.outbound.MailTransport} SPI and the background {@link org.mastermail.outbound.Dispatcher}.
 *
 * <p>A message goes draft → queued → sending → sent | failed | cancelled. Its exact MIME bytes and Message-ID are fixed
 * when it is queued, so every retry sends the same bytes.
 */
@NullMarked
package org.mastermail.outbound;

import org.jspecify.annotations.NullMarked;
