package org.mastermail.conversation;

import static java.util.Objects.requireNonNull;

import org.mastermail.internal.Check;

/** A link to a record of the host product: {@code EntityRef.of("contact", "4711")}, {@code ("case", "2024/17")}. */
public record EntityRef(String type, String id) {
  public EntityRef {
    type = Check.name("entity type", type);
    id = Check.name("entity id", requireNonNull(id, "id"));
  }

  public static EntityRef of(String type, String id) {
    return new EntityRef(type, id);
  }

  @Override
  public String toString() {
    return type + ":" + id;
  }
}
