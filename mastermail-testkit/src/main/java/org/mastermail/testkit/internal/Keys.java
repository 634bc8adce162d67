package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.mastermail.conversation.ConversationId;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Row keys of the in-memory tables: the tenant leads every key, as in the SQL schema. */
public final class Keys {
  /**
   * Compares UUIDs as unsigned bytes: the order of their lower-case text and of PostgreSQL's {@code uuid}, unlike
   * {@link UUID#compareTo}, which compares signed longs.
   */
  public static final Comparator<UUID> UNSIGNED = (a, b) -> {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  };

  private Keys() {}

  /** A row of one tenant identified by {@code id}. */
  public record Scoped<I>(TenantId tenant, I id) {
    public Scoped {
      requireNonNull(tenant, "tenant");
      requireNonNull(id, "id");
    }
  }

  /** A user's membership of a mailbox. */
  public record Member(TenantId tenant, MailboxId mailbox, UserId user) {
    public Member {
      requireNonNull(tenant, "tenant");
      requireNonNull(mailbox, "mailbox");
      requireNonNull(user, "user");
    }
  }

  /** A user's read mark on a conversation. */
  public record ReadMark(TenantId tenant, ConversationId conversation, UserId user) {
    public ReadMark {
      requireNonNull(tenant, "tenant");
      requireNonNull(conversation, "conversation");
      requireNonNull(user, "user");
    }
  }

  /** Who holds a source's lease, and until when. */
  public record Lease(String holder, Instant until) {}

  /** A row whose value does not name its tenant (a template), kept with it so that a table scan can filter by it. */
  public record Owned<V>(TenantId tenant, V value) {
    public Owned {
      requireNonNull(tenant, "tenant");
      requireNonNull(value, "value");
    }
  }

  /** One key of several parts, joined by NUL (which none of them contains). */
  public static String join(String... parts) {
    return String.join("\u0000", parts);
  }
}
