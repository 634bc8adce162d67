package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.OutboundKeyset;
import org.mastermail.storage.OutboundRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Owned;
import org.mastermail.testkit.internal.Keys.Scoped;

/**
 * Outbound mail, sending accounts and templates in memory. Transactions run one at a time, so a claim never meets
 * another one; it takes rows in the order of the SQL back end: lapsed claims first, then due messages, each earliest
 * first.
 */
final class MemoryOutbound implements OutboundRepository {
  /** Newest change first, then id descending as unsigned bytes (the order of the SQL back end). */
  private static final Comparator<OutboundMessage> NEWEST_FIRST = Comparator
      .comparing(OutboundMessage::updatedAt)
      .thenComparing((OutboundMessage m) -> m.id().value(), Keys.UNSIGNED)
      .reversed();
  /** Templates by name; ids (unsigned) only break ties that the unique name rules out. */
  private static final Comparator<Template> BY_NAME = Comparator.comparing(Template::name)
      .thenComparing((Template t) -> t.id().value(), Keys.UNSIGNED);

  private final MemorySession tx;

  MemoryOutbound(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(OutboundMessage message) {
    requireNonNull(message, "message");
    Scoped<OutboundId> key = new Scoped<>(message.tenant(), message.id());
    if (tx.outbound.contains(key)) {
      throw new DuplicateKeyException("outbound message " + message.id() + " already exists", null);
    }
    tx.outbound.put(key, message);
  }

  @Override
  public boolean update(OutboundMessage next) {
    requireNonNull(next, "next");
    Scoped<OutboundId> key = new Scoped<>(next.tenant(), next.id());
    Optional<OutboundMessage> stored = tx.outbound.get(key);
    if (stored.isEmpty() || stored.get().version() != next.version() - 1) {
      return false;
    }
    tx.outbound.put(key, next);
    return true;
  }

  @Override
  public Optional<OutboundMessage> find(TenantId tenant, OutboundId id) {
    return tx.outbound.get(new Scoped<>(requireNonNull(tenant, "tenant"), requireNonNull(id, "id")));
  }

  @Override
  public List<OutboundMessage> list(TenantId tenant, MailboxId mailbox, Set<OutboundState> states,
      @Nullable UserId author, @Nullable OutboundKeyset after, int limit) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    requireNonNull(states, "states");
    positive(limit);
    return tx.outbound
        .select(m -> m.tenant().equals(tenant) && m.mailbox().equals(mailbox) && states.contains(m.state())
            && (author == null || author.equals(m.author())) && (after == null || isAfter(m, after)))
        .stream()
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  private static boolean isAfter(OutboundMessage m, OutboundKeyset after) {
    int byTime = m.updatedAt().compareTo(after.updatedAt());
    return byTime < 0 || (byTime == 0 && Keys.UNSIGNED.compare(m.id().value(), after.id().value()) < 0);
  }

  @Override
  public List<OutboundMessage> claim(Instant now, String holder, Instant until, int limit) {
    requireNonNull(now, "now");
    requireNonNull(holder, "holder");
    requireNonNull(until, "until");
    positive(limit);
    List<OutboundMessage> due = new ArrayList<>();
    due.addAll(earliestFirst(m -> m.state() == OutboundState.SENDING && m.delivery().claimedUntil() != null
        && m.delivery().claimedUntil().isBefore(now), m -> m.delivery().claimedUntil()));
    due.addAll(earliestFirst(m -> m.state() == OutboundState.QUEUED && m.delivery().nextAttemptAt() != null
        && !m.delivery().nextAttemptAt().isAfter(now), m -> m.delivery().nextAttemptAt()));
    List<OutboundMessage> claimed = new ArrayList<>();
    for (OutboundMessage m : due.subList(0, Math.min(limit, due.size()))) {
      OutboundMessage next = m.with(m.delivery().claimed(holder, until), now);
      tx.outbound.put(new Scoped<>(next.tenant(), next.id()), next);
      claimed.add(next);
    }
    return claimed;
  }

  private List<OutboundMessage> earliestFirst(Predicate<OutboundMessage> filter,
      Function<OutboundMessage, Instant> time) {
    List<OutboundMessage> rows = tx.outbound.select(filter);
    rows.sort(Comparator.comparing(time)
        .thenComparing((OutboundMessage m) -> m.tenant().value(), Keys.UNSIGNED)
        .thenComparing((OutboundMessage m) -> m.id().value(), Keys.UNSIGNED));
    return rows;
  }

  @Override
  public Optional<Instant> nextDue() {
    @Nullable Instant earliest = null;
    for (OutboundMessage m : tx.outbound.select(m -> true)) {
      @Nullable Instant at = switch (m.state()) {
        case QUEUED -> m.delivery().nextAttemptAt();
        case SENDING -> m.delivery().claimedUntil();
        default -> null;
      };
      if (at != null && (earliest == null || at.isBefore(earliest))) {
        earliest = at;
      }
    }
    return Optional.ofNullable(earliest);
  }

  @Override
  public SendingAccount account(TenantId tenant, MailboxId mailbox) {
    requireNonNull(mailbox, "mailbox");
    return tx.sendingAccounts.get(new Scoped<>(requireNonNull(tenant, "tenant"), mailbox))
        .orElse(SendingAccount.plain(mailbox));
  }

  @Override
  public void saveAccount(TenantId tenant, SendingAccount account) {
    requireNonNull(account, "account");
    tx.sendingAccounts.put(new Scoped<>(requireNonNull(tenant, "tenant"), account.mailbox()), account);
  }

  @Override
  public void saveTemplate(TenantId tenant, Template template) {
    requireNonNull(tenant, "tenant");
    requireNonNull(template, "template");
    if (tx.templates.any(t -> t.tenant().equals(tenant) && !t.value().id().equals(template.id())
        && t.value().mailbox().equals(template.mailbox()) && t.value().name().equals(template.name()))) {
      throw new DuplicateKeyException("template '" + template.name() + "' already exists in mailbox "
          + template.mailbox(), null);
    }
    tx.templates.put(new Scoped<>(tenant, template.id()), new Owned<>(tenant, template));
  }

  @Override
  public Optional<Template> template(TenantId tenant, TemplateId id) {
    return tx.templates.get(new Scoped<>(requireNonNull(tenant, "tenant"), requireNonNull(id, "id")))
        .map(Owned::value);
  }

  @Override
  public List<Template> templates(TenantId tenant, MailboxId mailbox) {
    requireNonNull(tenant, "tenant");
    requireNonNull(mailbox, "mailbox");
    return tx.templates.select(t -> t.tenant().equals(tenant) && t.value().mailbox().equals(mailbox))
        .stream()
        .map(Owned::value)
        .sorted(BY_NAME)
        .toList();
  }

  @Override
  public boolean deleteTemplate(TenantId tenant, TemplateId id) {
    return tx.templates.remove(new Scoped<>(requireNonNull(tenant, "tenant"), requireNonNull(id, "id")));
  }

  private static void positive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
