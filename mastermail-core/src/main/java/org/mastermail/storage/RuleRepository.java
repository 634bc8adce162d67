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

  /** Every rule set of the tenant, the tenant-wide one first. */
  List<StoredRules> list(TenantId tenant);

  /**
   * Stores {@code rules} if the stored version is {@code rules.version() - 1} (0 = none stored yet); returns false, and
   * stores nothing, when someone else saved in between.
   */
  boolean save(StoredRules rules);
}
