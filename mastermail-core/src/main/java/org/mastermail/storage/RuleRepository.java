package org.mastermail.storage;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.rule.StoredRules;
import org.mastermail.tenant.TenantId;

/** Rule sets per tenant and per mailbox, versioned. */
public interface RuleRepository {
  /** The tenant's rule set ({@code mailbox} null) or a mailbox's. */
  Optional<StoredRules> find(TenantId tenant, @Nullable MailboxId mailbox);

  /**
   * The version of the stored rule set, 0 when none is stored: lets a router keep its compiled rules without reading
   * the whole document for every message.
   */
  default long version(TenantId tenant, @Nullable MailboxId mailbox) {
    return find(tenant, mailbox).map(StoredRules::version).orElse(0L);
  }

  /** Every rule set of the tenant, the tenant-wide one first. */
  List<StoredRules> list(TenantId tenant);

  /**
   * Stores {@code rules} if the stored version is {@code rules.version() - 1} (0 = none stored yet); returns false, and
   * stores nothing, when someone else saved in between.
   */
  boolean save(StoredRules rules);
}
