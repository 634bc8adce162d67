package org.mastermail.rules;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.EntityRef;
import org.mastermail.tenant.UserId;

/**
 * A sender the host knows.
 *
 * @param entity the host record to link conversations to ({@code contact:4711}), or null
 * @param accountManager the user who looks after this contact, or null
 */
public record Contact(String address, @Nullable String name, @Nullable EntityRef entity,
    @Nullable UserId accountManager) {
  public Contact {
    requireNonNull(address, "address");
  }

  public Optional<UserId> accountManagerIfAny() {
    return Optional.ofNullable(accountManager);
  }
}
