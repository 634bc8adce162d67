package org.mastermail.testkit.storage;

import static org.mastermail.testkit.storage.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mastermail.blob.BlobId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.outbound.Delivery;
import org.mastermail.outbound.Letter;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.storage.Storage;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.User;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.storage.Fixtures.World;

/** Outbound messages and templates for the contract tests. */
final class OutboundFixtures {
  /** How far apart the epochs of {@link #epoch()} lie: far more than any one test's times span. */
  private static final Duration EPOCH_GAP = Duration.ofDays(30);
  private static final AtomicInteger EPOCHS = new AtomicInteger();

  private OutboundFixtures() {}

  /**
   * A time before every time any test used so far (each call goes further back). {@code claim} and {@code nextDue} see
   * the rows of every tenant, so a test of them keeps its times at or after its epoch and before the next older one:
   * then the rows other tests left behind are never due for it, and its own are the earliest in the storage.
   */
  static Instant epoch() {
    return T0.minus(EPOCH_GAP.multipliedBy(EPOCHS.incrementAndGet()));
  }

  /** A random blob address. */
  static BlobId blob() {
    return BlobId.of((UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
  }

  /** The delivery of a message queued with fixed bytes, due at {@code due}. */
  static Delivery queued(Instant due) {
    return Delivery.draft().queued(UUID.randomUUID() + "@example.com", blob(), 2048, due);
  }

  /** Builds a draft, version 1, from {@code info}, by Alice, changed at {@link Fixtures#T0}. */
  static Outgoing outgoing(World w) {
    return new Outgoing(w);
  }

  static Template template(Mailbox mailbox, String name) {
    return new Template(TemplateId.random(), mailbox.id(), name, "About " + name, "Dear {{name}},\n\n" + name,
        null);
  }

  /** Builds an outbound message. */
  static final class Outgoing {
    private TenantId tenant;
    private OutboundId id = OutboundId.random();
    private Mailbox mailbox;
    private @Nullable UserId author;
    private Delivery delivery = Delivery.draft();
    private Instant updatedAt = T0;

    private Outgoing(World w) {
      tenant = w.id();
      mailbox = w.info();
      author = w.alice().id();
    }

    /** Another tenant's message, though its mailbox id is taken from the world it was begun with. */
    Outgoing tenant(TenantId value) {
      tenant = value;
      return this;
    }

    Outgoing id(UUID value) {
      id = new OutboundId(value);
      return this;
    }

    Outgoing mailbox(Mailbox value) {
      mailbox = value;
      return this;
    }

    Outgoing author(@Nullable User value) {
      author = value == null ? null : value.id();
      return this;
    }

    Outgoing delivery(Delivery value) {
      delivery = value;
      return this;
    }

    /** Queued, due at {@code due} (and last changed then). */
    Outgoing queuedAt(Instant due) {
      delivery = queued(due);
      updatedAt = due;
      return this;
    }

    /** Claimed by {@code holder} until {@code until}, once. */
    Outgoing sending(String holder, Instant claimedAt, Instant until) {
      delivery = queued(claimedAt).claimed(holder, until);
      updatedAt = claimedAt;
      return this;
    }

    Outgoing updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    OutboundMessage build() {
      Letter letter = new Letter(mailbox.address(), null, null, List.of("anna@acme.example"), List.of(), List.of(),
          "Subject " + id, "Hello Anna", null, null, List.of(), List.of(), false);
      return new OutboundMessage(tenant, id, mailbox.id(), null, author, letter, delivery, updatedAt, updatedAt, 1);
    }

    OutboundMessage insert(Storage storage) {
      OutboundMessage m = build();
      storage.useTransaction(s -> s.outbound().insert(m));
      return m;
    }
  }
}
