package org.mastermail.rules.internal;

import java.time.Instant;
import java.util.List;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.message.IncomingMessage;
import org.mastermail.message.MessageId;
import org.mastermail.rules.Directory;
import org.mastermail.tenant.TenantId;

/** Incoming messages made directly, for tests of the engine's parts. */
public final class Messages {
  private static final TenantId TENANT = TenantId.random();
  private static final MailboxId MAILBOX = MailboxId.random();

  private Messages() {}

  public static IncomingMessage message(String from, List<String> to, String subject) {
    return new IncomingMessage(TENANT, MAILBOX, MessageId.random(), null, from, null, to, List.of(), List.of(), null,
        subject, List.of(), "body", null, List.of(), 1000, null, Instant.parse("2026-03-02T09:00:00Z"), false);
  }

  static MessageView view(IncomingMessage m) {
    return new MessageView(m, Directory.NONE, java.time.ZoneOffset.UTC, new HostCalls());
  }
}
