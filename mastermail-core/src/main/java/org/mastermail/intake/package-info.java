/**
 * How mail comes in: {@link org.mastermail.intake.Intake} archives raw messages exactly once (parse, single-instance
 * blobs, threading, one transaction with the source's position), and {@link org.mastermail.intake.MailSource} is the
 * SPI of the places mail is fetched from (IMAP folders, POP3 accounts, or a host's own).
 */
@NullMarked
package org.mastermail.intake;

import org.jspecify.annotations.NullMarked;
