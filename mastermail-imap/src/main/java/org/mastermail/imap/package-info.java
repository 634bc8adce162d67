/**
 * Mail sources and the SMTP transport on Jakarta Mail: {@link org.mastermail.imap.ImapSource} fetches one IMAP folder
 * by UID (with IDLE) and {@link org.mastermail.imap.Pop3Source} a POP3 account by UIDL, both into
 * {@link org.mastermail.intake.Intake}, which archives each message exactly once:
 *
 * <pre>{@code
 * ImapSettings settings = ImapSettings.builder("imap.acme.example", "info@acme.example",
 *         Credentials.password(secret))
 *     .acknowledge(Acknowledge.moveTo("Archived"))
 *     .build();
 * MailSource source = new ImapSource(SourceId.of("imap:info"), tenant, info.id(), settings);
 * }</pre>
 *
 * <p>A source only fetches and acknowledges; a scheduler calls {@code sync} while it holds the source's lease.
 *
 * <p>{@link org.mastermail.imap.SmtpTransport} sends the fixed bytes of outbound messages, keeping connections open
 * between them; {@link org.mastermail.imap.SentFolderCopy} also files each sent message in an IMAP folder:
 *
 * <pre>{@code
 * MailTransport smtp = SmtpTransport.of(SmtpSettings.builder("smtp.acme.example", 587)
 *     .credentials("info@acme.example", Credentials.password(secret))
 *     .build());
 * }</pre>
 */
@NullMarked
package org.mastermail.imap;

import org.jspecify.annotations.NullMarked;
