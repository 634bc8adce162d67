package org.mastermail.testkit.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mastermail.conversation.Conversation;
import org.mastermail.conversation.ConversationId;
import org.mastermail.conversation.EntityRef;
import org.mastermail.conversation.Sort;
import org.mastermail.event.Event;
import org.mastermail.event.EventId;
import org.mastermail.event.EventType;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxKind;
import org.mastermail.permission.Role;
import org.mastermail.status.Status;
import org.mastermail.status.StatusCategory;
import org.mastermail.status.StatusId;
import org.mastermail.storage.AssigneeScope;
import org.mastermail.storage.ConversationQuery;
import org.mastermail.storage.Keyset;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.Tenant;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;

/**
 * Data the contract tests build on. Every test makes its own tenant with random ids, so tests can share one storage.
 * Times are whole seconds after {@link #T0}, which every back end stores exactly.
 */
final class Fixtures {
  static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

  private Fixtures() {}

  /** {@link #T0} plus {@code minutes}. */
  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** A tenant, committed: three users, two shared mailboxes and three statuses. */
  record World(Tenant tenant, User alice, User bob, User carol, Mailbox info, Mailbox sales, Status open,
      Status waiting, Status closed) {
    TenantId id() {
      return tenant.id();
    }
  }

  /** The conversations of a visibility test, named by mailbox and assignee. */
  record Layout(Conversation infoAlice, Conversation infoBob, Conversation infoNobody, Conversation salesAlice,
      Conversation salesBob, Conversation salesNobody) {}

  static World world(Storage storage) {
    TenantId t = TenantId.random();
    Tenant tenant = new Tenant(t, "Office " + t, T0);
    World w = new World(tenant, user(t, "Alice"), user(t, "Bob"), user(t, "Carol"), mailbox(t, "info"),
        mailbox(t, "sales"), status(t, "open", StatusCategory.OPEN, 1), status(t, "waiting", StatusCategory.WAITING, 2),
        status(t, "closed", StatusCategory.CLOSED, 3));
    storage.useTransaction(s -> {
      s.tenants().insert(tenant);
      for (User u : List.of(w.alice(), w.bob(), w.carol())) {
        s.users().insert(u);
      }
      s.mailboxes().insert(w.info());
      s.mailboxes().insert(w.sales());
      for (Status st : List.of(w.open(), w.waiting(), w.closed())) {
        s.statuses().insert(st);
      }
    });
    return w;
  }

  static User user(TenantId tenant, String name) {
    return new User(tenant, UserId.random(), name.toLowerCase(Locale.ROOT) + "@example.com", name,
        Role.MEMBER, true);
  }

  static Mailbox mailbox(TenantId tenant, String localPart) {
    return new Mailbox(tenant, MailboxId.random(), localPart + "@example.com", localPart, MailboxKind.SHARED, null);
  }

  static Status status(TenantId tenant, String name, StatusCategory category, int position) {
    return new Status(tenant, StatusId.random(), name, category, position, Set.of());
  }

  static Event event(TenantId tenant, @Nullable ConversationId conversation, EventType type, Instant at) {
    return new Event(tenant, EventId.random(), type, conversation, null, at, null, null, 1);
  }

  /** A UUID whose first bit is set: negative as a signed long, last in unsigned order. */
  static UUID highBit() {
    UUID u = UUID.randomUUID();
    return new UUID(u.getMostSignificantBits() | Long.MIN_VALUE, u.getLeastSignificantBits());
  }

  /** A UUID whose first bit is clear. */
  static UUID lowBit() {
    UUID u = UUID.randomUUID();
    return new UUID(u.getMostSignificantBits() & Long.MAX_VALUE, u.getLeastSignificantBits());
  }

  static Draft conversation(World w) {
    return new Draft(w);
  }

  static QueryDraft query(World w) {
    return new QueryDraft(w);
  }

  /** Builds a conversation, version 1, in {@code info}, status {@code open}, unassigned, active at {@link #T0}. */
  static final class Draft {
    private final TenantId tenant;
    private ConversationId id = ConversationId.random();
    private MailboxId mailbox;
    private @Nullable UserId assignee;
    private StatusId status;
    private @Nullable Instant due;
    private boolean urgent;
    private Set<String> tags = Set.of();
    private Set<EntityRef> links = Set.of();
    private Instant lastActivity = T0;

    private Draft(World w) {
      tenant = w.id();
      mailbox = w.info().id();
      status = w.open().id();
    }

    Draft id(UUID value) {
      id = new ConversationId(value);
      return this;
    }

    Draft mailbox(Mailbox value) {
      mailbox = value.id();
      return this;
    }

    Draft assignee(@Nullable User value) {
      assignee = value == null ? null : value.id();
      return this;
    }

    Draft status(Status value) {
      status = value.id();
      return this;
    }

    Draft due(@Nullable Instant value, boolean isUrgent) {
      due = value;
      urgent = isUrgent;
      return this;
    }

    Draft tags(String... value) {
      tags = Set.of(value);
      return this;
    }

    Draft links(EntityRef... value) {
      links = Set.of(value);
      return this;
    }

    Draft lastActivity(Instant value) {
      lastActivity = value;
      return this;
    }

    Conversation build() {
      return new Conversation(tenant, id, mailbox, "Subject " + id, assignee, status, due, urgent, tags, links, T0,
          lastActivity, 1);
    }

    Conversation insert(Storage storage) {
      Conversation c = build();
      storage.useTransaction(s -> s.conversations().insert(c));
      return c;
    }
  }

  /** Builds a query of Alice's over {@code info} and {@code sales}, full access nowhere, scope ANY, newest first. */
  static final class QueryDraft {
    private TenantId tenant;
    private UserId viewer;
    private Set<MailboxId> mailboxes;
    private Set<MailboxId> fullAccess = Set.of();
    private AssigneeScope scope = AssigneeScope.ANY;
    private @Nullable UserId assignee;
    private Set<StatusId> statuses = Set.of();
    private @Nullable String tag;
    private @Nullable Instant dueBefore;
    private @Nullable EntityRef linkedTo;
    private @Nullable String text;
    private Sort sort = Sort.NEWEST;
    private @Nullable Keyset after;
    private int limit = 1000;

    private QueryDraft(World w) {
      tenant = w.id();
      viewer = w.alice().id();
      mailboxes = Set.of(w.info().id(), w.sales().id());
    }

    QueryDraft viewer(User value) {
      viewer = value.id();
      return this;
    }

    QueryDraft mailboxes(Mailbox... value) {
      Set<MailboxId> ids = new HashSet<>();
      for (Mailbox m : value) {
        ids.add(m.id());
      }
      mailboxes = ids;
      return this;
    }

    QueryDraft fullAccess(Mailbox... value) {
      Set<MailboxId> ids = new HashSet<>();
      for (Mailbox m : value) {
        ids.add(m.id());
      }
      fullAccess = ids;
      return this;
    }

    QueryDraft scope(AssigneeScope value) {
      scope = value;
      return this;
    }

    QueryDraft assignedTo(User value) {
      scope = AssigneeScope.ASSIGNED_TO;
      assignee = value.id();
      return this;
    }

    QueryDraft statuses(Status... value) {
      Set<StatusId> ids = new HashSet<>();
      for (Status s : value) {
        ids.add(s.id());
      }
      statuses = ids;
      return this;
    }

    QueryDraft tag(String value) {
      tag = value;
      return this;
    }

    QueryDraft dueBefore(Instant value) {
      dueBefore = value;
      return this;
    }

    QueryDraft linkedTo(EntityRef value) {
      linkedTo = value;
      return this;
    }

    QueryDraft sort(Sort value) {
      sort = value;
      return this;
    }

    QueryDraft after(@Nullable Keyset value) {
      after = value;
      return this;
    }

    QueryDraft limit(int value) {
      limit = value;
      return this;
    }

    QueryDraft tenant(TenantId value) {
      tenant = value;
      return this;
    }

    ConversationQuery build() {
      return new ConversationQuery(tenant, viewer, mailboxes, fullAccess, scope, assignee, statuses, tag, dueBefore,
          linkedTo, sort, after, limit, text);
    }

    QueryDraft text(@Nullable String value) {
      text = value;
      return this;
    }
  }
}
