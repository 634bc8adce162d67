package org.mastermail.testkit.contract;

import java.util.UUID;
import org.mastermail.Actor;
import org.mastermail.MasterMail;
import org.mastermail.conversation.Conversation;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.permission.Role;
import org.mastermail.status.Status;
import org.mastermail.tenant.TenantSetup;
import org.mastermail.tenant.User;

/**
 * A small office to test against, in a tenant of its own: an admin; a manager (VIEW_ALL, ASSIGN...) and two members,
 * Alice and Bob, in the shared mailbox {@code info@}; Carol, a member of {@code sales@} only; and Alice's personal
 * mailbox. Each call makes a new tenant with unique addresses, so tests sharing one storage never meet.
 */
public final class Office {
  public final MasterMail mm;
  public final TenantSetup setup;
  public final Actor admin;
  public final Actor manager;
  public final Actor alice;
  public final Actor bob;
  public final Actor carol;
  public final Mailbox info;
  public final Mailbox sales;
  public final Mailbox alicePersonal;
  public final String domain;

  private Office(MasterMail mm) {
    this.mm = mm;
    this.domain = "o" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    this.setup = mm.createTenant("Office " + domain, "admin@" + domain, "Ada Admin");
    this.admin = setup.adminActor();
    this.manager = actor(user("manager", "Mona Manager", Role.MANAGER));
    this.alice = actor(user("alice", "Alice", Role.MEMBER));
    this.bob = actor(user("bob", "Bob", Role.MEMBER));
    this.carol = actor(user("carol", "Carol", Role.MEMBER));
    this.info = mm.admin().mailboxes().createShared("info@" + domain, "Info", admin);
    this.sales = mm.admin().mailboxes().createShared("sales@" + domain, "Sales", admin);
    this.alicePersonal = mm.admin().mailboxes().createPersonal("alice.private@" + domain, "Alice", alice.user(), admin);
    for (Actor a : new Actor[] {manager, alice, bob}) {
      mm.admin().mailboxes().addMember(info.id(), a.user(), Role.MEMBER, admin);
    }
    mm.admin().mailboxes().addMember(sales.id(), carol.user(), Role.MEMBER, admin);
  }

  public static Office create(MasterMail mm) {
    return new Office(mm);
  }

  public User user(String localPart, String name, String role) {
    return mm.admin().users().create(localPart + "@" + domain, name, role, admin);
  }

  public Actor actor(User user) {
    return Actor.of(user.tenant(), user.id());
  }

  /** A new unassigned conversation in {@code mailbox}. */
  public Conversation open(Mailbox mailbox, String subject) {
    return mm.triage().open(mailbox.id(), subject, admin);
  }

  /** A new conversation in {@code info@} assigned to {@code who}. */
  public Conversation assignedTo(Actor who, String subject) {
    Conversation c = open(info, subject);
    return mm.triage().assign(c.ref(), who.user(), admin);
  }

  /** The status called {@code name}. */
  public Status status(String name) {
    return mm.admin().statuses().list(admin).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no status " + name));
  }

  public Conversation reload(Conversation c) {
    return mm.triage().get(c.id(), admin).conversation();
  }
}
