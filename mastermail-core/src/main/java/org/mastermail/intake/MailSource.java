package org.mastermail.intake;

import java.time.Duration;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;

/**
 * Where mail comes from (SPI): an IMAP folder, a POP3 account, or a host's own (Microsoft Graph, Gmail API...). A
 * {@link SourceScheduler} calls {@link #sync} while it holds the source's lease.
 *
 * <p>Contract: deliver each new message through {@link SyncContext#deliver} (which commits it together with its
 * position) and only then acknowledge it to the server; never delete unless configured to; a failure on one message
 * must not stop the next ones from being archived.
 */
public interface MailSource extends AutoCloseable {
  SourceId id();

  TenantId tenant();

  /** The mailbox the messages are archived into. */
  MailboxId mailbox();

  /** One pass: fetches everything new and delivers it. Throws when the server cannot be reached. */
  void sync(SyncContext context) throws Exception;

  /**
   * Waits until new mail may have arrived (IMAP IDLE) or {@code maxWait} passed, whichever comes first. The default
   * waits {@code maxWait}: polling.
   */
  default void awaitNews(Duration maxWait) throws InterruptedException {
    Thread.sleep(maxWait.toMillis());
  }

  /** Disconnects. */
  @Override
  default void close() {}
}
