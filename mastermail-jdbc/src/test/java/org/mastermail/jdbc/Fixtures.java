package org.mastermail.jdbc;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.status.StatusId;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Rows for tests: one tenant, fixed whole-millisecond instants. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");

  final TenantId tenant = TenantId.random();
  final StatusId received = StatusId.random();

  static JdbcStorage newStorage() {
    return JdbcStorage.h2InMemory("test-" + UUID.randomUUID());
  }

  /** Runs {@code work} in a transaction; a plain Function keeps AssertJ's assertThat overloads unambiguous. */
  static <T> T read(JdbcStorage storage, Function<StorageSession, T> work) {
    return storage.inTransaction(work::apply);
  }

  Tenant tenantRow() {
    return new Tenant(tenant, "Office " + tenant, T0);
  }

  Mailbox shared(String address) {
    return new Mailbox(tenant, MailboxId.random(), address, "Info", MailboxKind.SHARED, null);
  }

  Conversation conversation(MailboxId mailbox, UserId assignee, Instant lastActivity) {
    return conversation(ConversationId.random(), mailbox, assignee, lastActivity);
  }

  Conversation conversation(ConversationId id, MailboxId mailbox, UserId assignee, Instant lastActivity) {
    return new Conversation(tenant, id, mailbox, "Subject " + id, assignee, received, null, false, Set.of(), Set.of(),
        T0, lastActivity, 1);
  }
}
