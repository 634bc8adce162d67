package org.mastermail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.Actor;
import org.mastermail.InvalidInputException;
import org.mastermail.NotFoundException;
import org.mastermail.PermissionDeniedException;
import org.mastermail.admin.MailboxAdmin;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.permission.Permission;
import org.mastermail.storage.StorageSession;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

final class DefaultMailboxAdmin implements MailboxAdmin {
  private final Engine engine;

  DefaultMailboxAdmin(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Mailbox createShared(String address, String name, Actor actor) {
    return create(address, name, MailboxKind.SHARED, null, actor);
  }

  @Override
  public Mailbox createPersonal(String address, String name, UserId owner, Actor actor) {
    return create(address, name, MailboxKind.PERSONAL, Check.present("owner", owner), actor);
  }

  private Mailbox create(String address, String name, MailboxKind kind, @Nullable UserId owner, Actor actor) {
    String cleanAddress = Check.address("mailbox address", address);
    String cleanName = Check.name("mailbox name", name);
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "create mailboxes");
      if (owner != null) {
        requireActive(DefaultUserAdmin.find(w.s(), actor.tenant(), owner));
      }
      Mailbox m = new Mailbox(actor.tenant(), MailboxId.random(), cleanAddress, cleanName, kind, owner);
      w.s().mailboxes().insert(m);
      w.event(actor.tenant(), EventType.MAILBOX_CHANGED, null, actor.user(), null, "created " + cleanAddress, 0);
      return m;
    });
  }

  @Override
  public Mailbox rename(MailboxId mailbox, String name, Actor actor) {
    String cleanName = Check.name("mailbox name", name);
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "rename mailboxes");
      Mailbox before = find(w.s(), actor.tenant(), mailbox);
      Mailbox after = before.withName(cleanName);
      w.s().mailboxes().update(after);
      w.event(actor.tenant(), EventType.MAILBOX_CHANGED, null, actor.user(), before.name(), cleanName, 0);
      return after;
    });
  }

  @Override
  public MailboxMember addMember(MailboxId mailbox, UserId user, String role, Actor actor) {
    String cleanRole = Check.name("role", role);
    Check.present("user", user);
    return engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "manage mailbox members");
      Mailbox m = find(w.s(), actor.tenant(), mailbox);
      if (m.kind() == MailboxKind.PERSONAL) {
        throw new InvalidInputException("mailbox " + m.address() + " is personal: it has no members; delegate it instead");
      }
      requireActive(DefaultUserAdmin.find(w.s(), actor.tenant(), user));
      DefaultUserAdmin.requireRole(w.s(), actor.tenant(), cleanRole);
      MailboxMember member = new MailboxMember(actor.tenant(), mailbox, user, cleanRole);
      w.s().mailboxes().putMember(member);
      w.event(actor.tenant(), EventType.MEMBERSHIP_CHANGED, null, actor.user(), null, member, 0);
      return member;
    });
  }

  @Override
  public void removeMember(MailboxId mailbox, UserId user, Actor actor) {
    engine.changeAccess(actor, (w, a) -> {
      a.require(Permission.MANAGE_MAILBOXES, "manage mailbox members");
      Mailbox m = find(w.s(), actor.tenant(), mailbox);
      if (!w.s().mailboxes().removeMember(actor.tenant(), mailbox, user)) {
        throw new NotFoundException("user " + user + " is not a member of mailbox " + m.address());
      }
      w.event(actor.tenant(), EventType.MEMBERSHIP_CHANGED, null, actor.user(), user + "@" + m.address(), null, 0);
      return m;
    });
  }

  @Override
  public List<MailboxMember> members(MailboxId mailbox, Actor actor) {
    return engine.write(actor, (w, a) -> {
      Mailbox m = find(w.s(), actor.tenant(), mailbox);
      if (!a.has(Permission.MANAGE_MAILBOXES) && a.mailbox(m.id()).isEmpty()) {
        throw new NotFoundException("mailbox " + mailbox + " not found");
      }
      return w.s().mailboxes().members(actor.tenant(), mailbox);
    });
  }

  @Override
  public List<Mailbox> list(Actor actor) {
    return engine.write(actor, (w, a) -> w.s().mailboxes().list(actor.tenant()).stream()
        .filter(m -> a.has(Permission.MANAGE_MAILBOXES) || a.mailbox(m.id()).isPresent())
        .toList());
  }

  @Override
  public Delegation delegate(MailboxId mailbox, UserId delegate, @Nullable Instant until, Actor actor) {
    Check.present("delegate", delegate);
    return engine.changeAccess(actor, (w, a) -> {
      Mailbox m = mayDelegate(w.s(), a, actor.tenant(), mailbox);
      if (delegate.equals(m.owner())) {
        throw new InvalidInputException("the owner of " + m.address() + " cannot be their own delegate");
      }
      requireActive(DefaultUserAdmin.find(w.s(), actor.tenant(), delegate));
      if (until != null && !until.isAfter(w.now())) {
        throw new InvalidInputException("delegation end " + until + " is not in the future");
      }
      Delegation d = new Delegation(actor.tenant(), DelegationId.random(), mailbox, delegate, w.now(), until);
      w.s().mailboxes().insertDelegation(d);
      w.event(actor.tenant(), EventType.DELEGATION_CHANGED, null, actor.user(), null, d, 0);
      return d;
    });
  }

  @Override
  public void revokeDelegation(DelegationId delegation, Actor actor) {
    Check.present("delegation", delegation);
    engine.changeAccess(actor, (w, a) -> {
      Delegation d = w.s().mailboxes().delegationsTo(actor.tenant(), actor.user()).stream()
          .filter(x -> x.id().equals(delegation)).findFirst()
          .or(() -> findDelegation(w.s(), actor.tenant(), delegation))
          .orElseThrow(() -> new NotFoundException("delegation " + delegation + " not found"));
      boolean ownRelease = d.delegate().equals(actor.user());
      if (!ownRelease) {
        mayDelegate(w.s(), a, actor.tenant(), d.mailbox());
      }
      w.s().mailboxes().deleteDelegation(actor.tenant(), delegation);
      w.event(actor.tenant(), EventType.DELEGATION_CHANGED, null, actor.user(), d, "revoked", 0);
      return d;
    });
  }

  @Override
  public List<Delegation> delegations(MailboxId mailbox, Actor actor) {
    return engine.write(actor, (w, a) -> {
      mayDelegate(w.s(), a, actor.tenant(), mailbox);
      return w.s().mailboxes().delegationsOf(actor.tenant(), mailbox);
    });
  }

  private static Optional<Delegation> findDelegation(StorageSession s, TenantId tenant, DelegationId id) {
    for (Mailbox m : s.mailboxes().list(tenant)) {
      if (m.kind() == MailboxKind.PERSONAL) {
        for (Delegation d : s.mailboxes().delegationsOf(tenant, m.id())) {
          if (d.id().equals(id)) {
            return Optional.of(d);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The owner (with DELEGATE) or a mailbox manager may hand out a personal mailbox. */
  private static Mailbox mayDelegate(StorageSession s, Access a, TenantId tenant, MailboxId mailbox) {
    Mailbox m = find(s, tenant, mailbox);
    if (m.kind() != MailboxKind.PERSONAL) {
      throw new InvalidInputException("mailbox " + m.address() + " is shared: add members instead of delegating it");
    }
    boolean owner = a.user().id().equals(m.owner());
    if (owner ? !a.has(Permission.DELEGATE) : !a.has(Permission.MANAGE_MAILBOXES)) {
      throw new PermissionDeniedException("user " + a.user().email() + " may not delegate mailbox " + m.address()
          + ": " + (owner ? "permission DELEGATE" : "ownership or permission MANAGE_MAILBOXES") + " is required");
    }
    return m;
  }

  static Mailbox find(StorageSession s, TenantId tenant, MailboxId id) {
    return s.mailboxes().find(tenant, Check.present("mailbox", id))
        .orElseThrow(() -> new NotFoundException("mailbox " + id + " not found"));
  }

  private static void requireActive(User user) {
    if (!user.active()) {
      throw new InvalidInputException("user " + user.email() + " is deactivated");
    }
  }
}
