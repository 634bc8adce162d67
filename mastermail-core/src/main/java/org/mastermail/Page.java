package org.mastermail;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated listing. Pass {@link #next()} back to get the following page; it is empty on the
 * last page.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
  public Page {
    items = List.copyOf(requireNonNull(items, "items"));
  }

  /** The cursor of the following page, empty when this is the last one. */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}
