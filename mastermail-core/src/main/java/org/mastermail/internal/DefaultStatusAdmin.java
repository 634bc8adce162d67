package org.mastermail.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.ConflictException;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.admin.StatusAdmin;
import org.mastermail.event.EventType;
import org.mastermail.permission.Permission;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;

final class DefaultStatusAdmin implements StatusAdmin {
  private final Engine engine;

  DefaultStatusAdmin(Engine engine) {
    this.engine = engine;
  }

  @Override
  public List<Status> list(Actor actor) {
    return engine.write(actor, (w, a) -> w.s().statuses().list(actor.tenant()));
  }

  @Override
  public Status add(String name, StatusCategory category, Actor actor) {
    String clean = Check.name("status name", name);
    Check.present("category", category);
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_STATUSES, "add statuses");
      List<Status> all = w.s().statuses().list(actor.tenant());
      requireFreeName(all, clean, null);
      int position = all.isEmpty() ? 0 : all.get(all.size() - 1).position() + 1;
      Status s = new Status(actor.tenant(), StatusId.random(), clean, category, position, Set.of());
      w.s().statuses().insert(s);
      w.event(actor.tenant(), EventType.STATUS_DEFINITION_CHANGED, null, actor.user(), null, clean, 0);
      return s;
    });
  }

  @Override
  public Status rename(StatusId status, String name, Actor actor) {
    String clean = Check.name("status name", name);
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_STATUSES, "rename statuses");
      Status before = find(w.s(), actor.tenant(), status);
      requireFreeName(w.s().statuses().list(actor.tenant()), clean, status);
      Status after = before.withName(clean);
      w.s().statuses().update(after);
      w.event(actor.tenant(), EventType.STATUS_DEFINITION_CHANGED, null, actor.user(), before.name(), clean, 0);
      return after;
    });
  }

  @Override
  public List<Status> reorder(List<StatusId> order, Actor actor) {
    Check.present("order", order);
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_STATUSES, "reorder statuses");
      List<Status> all = w.s().statuses().list(actor.tenant());
      Set<StatusId> given = new HashSet<>(order);
      Set<StatusId> existing = new HashSet<>();
      all.forEach(s -> existing.add(s.id()));
      if (given.size() != order.size() || !given.equals(existing)) {
        throw new InvalidInputException("the new order must name each of the " + all.size()
            + " statuses exactly once; it named " + order.size() + " (" + given.size() + " distinct)");
      }
      List<Status> result = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        Status s = find(w.s(), actor.tenant(), order.get(i)).withPosition(i);
        w.s().statuses().update(s);
        result.add(s);
      }
      w.event(actor.tenant(), EventType.STATUS_DEFINITION_CHANGED, null, actor.user(), null, "reordered", 0);
      return result;
    });
  }

  @Override
  public Status setTransitions(StatusId status, Set<StatusId> allowedNext, Actor actor) {
    Check.present("allowedNext", allowedNext);
    return engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_STATUSES, "change status transitions");
      Status before = find(w.s(), actor.tenant(), status);
      for (StatusId next : allowedNext) {
        find(w.s(), actor.tenant(), next);
      }
      Status after = before.withAllowedNext(allowedNext);
      w.s().statuses().update(after);
      w.event(actor.tenant(), EventType.STATUS_DEFINITION_CHANGED, null, actor.user(), before.allowedNext(),
          after.allowedNext(), 0);
      return after;
    });
  }

  @Override
  public void remove(StatusId status, @Nullable StatusId replacement, Actor actor) {
    Check.present("status", status);
    engine.write(actor, (w, a) -> {
      a.require(Permission.MANAGE_STATUSES, "remove statuses");
      Status s = find(w.s(), actor.tenant(), status);
      if (w.s().statuses().list(actor.tenant()).size() == 1) {
        throw new InvalidInputException("status '" + s.name() + "' is the last one and cannot be removed");
      }
      long inUse = w.s().conversations().countWithStatus(actor.tenant(), status);
      if (replacement != null) {
        if (replacement.equals(status)) {
          throw new InvalidInputException("status '" + s.name() + "' cannot replace itself");
        }
        find(w.s(), actor.tenant(), replacement);
      }
      if (inUse > 0) {
        if (replacement == null) {
          throw new InvalidInputException("status '" + s.name() + "' is used by " + inUse
              + " conversation(s); name the status they should move to");
        }
        w.s().conversations().replaceStatus(actor.tenant(), status, replacement);
      }
      w.s().statuses().delete(actor.tenant(), status);
      w.event(actor.tenant(), EventType.STATUS_DEFINITION_CHANGED, null, actor.user(), s.name(),
          replacement == null ? null : "replaced by " + replacement + " in " + inUse + " conversation(s)", 0);
      return s;
    });
  }

  private static void requireFreeName(List<Status> all, String name, @Nullable StatusId except) {
    for (Status s : all) {
      if (s.name().equalsIgnoreCase(name) && !s.id().equals(except)) {
        throw new ConflictException("status '" + name + "' already exists");
      }
    }
  }

  static Status find(StorageSession s, TenantId tenant, StatusId id) {
    return s.statuses().find(tenant, id).orElseThrow(() -> new NotFoundException("status " + id + " not found"));
  }
}
