package org.mastermail.admin;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;

/** The tenant's statuses. Listing is open to every user; changes need MANAGE_STATUSES. */
public interface StatusAdmin {
  /** All statuses in order; the first is given to new conversations. */
  List<Status> list(Actor actor);

  /** Adds a status at the end of the list; names are unique in the tenant. */
  Status add(String name, StatusCategory category, Actor actor);

  Status rename(StatusId status, String name, Actor actor);

  /** Puts the statuses in this order; {@code order} must name every status exactly once. */
  List<Status> reorder(List<StatusId> order, Actor actor);

  /** Limits the statuses a conversation may move to from {@code status} (empty: any). */
  Status setTransitions(StatusId status, Set<StatusId> allowedNext, Actor actor);

  /**
   * Removes a status. When conversations are in it, {@code replacement} must name the status they move to; the last
   * status cannot be removed.
   */
  void remove(StatusId status, @Nullable StatusId replacement, Actor actor);
}
