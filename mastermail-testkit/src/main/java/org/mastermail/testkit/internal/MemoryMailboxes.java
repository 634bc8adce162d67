package org.mastermail.testkit.internal;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mastermail.NotFoundException;
import org.mastermail.mailbox.Delegation;
import org.mastermail.mailbox.DelegationId;
import org.mastermail.mailbox.Mailbox;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.mailbox.MailboxMember;
import org.mastermail.storage.DuplicateKeyException;
import org.mastermail.storage.MailboxRepository;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;
import org.mastermail.testkit.internal.Keys.Member;
import org.mastermail.testkit.internal.Keys.Scoped;

final class MemoryMailboxes implements MailboxRepository {
  private static final Comparator<Delegation> BY_START =
      Comparator.comparing(Delegation::from).thenComparing(d -> d.id().value(), Keys.UNSIGNED);

  private final MemorySession tx;

  MemoryMailboxes(MemorySession tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Mailbox mailbox) {
    requireNonNull(mailbox, "mailbox");
    Scoped<MailboxId> key = new Scoped<>(mailbox.tenant(), mailbox.id());
    if (tx.mailboxes.contains(key)) {
      throw new DuplicateKeyException("mailbox " + mailbox.id() + " already exists", null);
    }
    checkAddressFree(mailbox);
    tx.mailboxes.put(key, mailbox);
  }

  @Override
  public void update(Mailbox mailbox) {
    requireNonNull(mailbox, "mailbox");
    Scoped<MailboxId> key = new Scoped<>(mailbox.tenant(), mailbox.id());
    if (!tx.mailboxes.contains(key)) {
      throw new NotFoundException("mailbox " + mailbox.id() + " does not exist");
    }
    checkAddressFree(mailbox);
    tx.mailboxes.put(key, mailbox);
  }

  @Override
  public Optional<Mailbox> find(TenantId tenant, MailboxId id) {
    return tx.mailboxes.get(new Scoped<>(tenant, id));
  }

  @Override
  public Optional<Mailbox> findByAddress(TenantId tenant, String address) {
    requireNonNull(tenant, "tenant");
    String wanted = lower(address);
    return tx.mailboxes.select(m -> m.tenant().equals(tenant) && lower(m.address()).equals(wanted)).stream()
        .findFirst();
  }

  @Override
  public List<Mailbox> list(TenantId tenant) {
    requireNonNull(tenant, "tenant");
    List<Mailbox> all = tx.mailboxes.select(m -> m.tenant().equals(tenant));
    all.sort(Comparator.comparing(Mailbox::address));
    return all;
  }

  @Override
  public void putMember(MailboxMember member) {
    requireNonNull(member, "member");
    tx.members.put(new Member(member.tenant(), member.mailbox(), member.user()), member);
  }

  @Override
  public boolean removeMember(TenantId tenant, MailboxId mailbox, UserId user) {
    return tx.members.remove(new Member(tenant, mailbox, user));
  }

  @Override
  public List<MailboxMember> members(TenantId tenant, MailboxId mailbox) {
    requireNonNull(mailbox, "mailbox");
    List<MailboxMember> found = tx.members.select(m -> m.tenant().equals(tenant) && m.mailbox().equals(mailbox));
    found.sort(Comparator.comparing(m -> m.user().value(), Keys.UNSIGNED));
    return found;
  }

  @Override
  public List<MailboxMember> membershipsOf(TenantId tenant, UserId user) {
    requireNonNull(user, "user");
    List<MailboxMember> found = tx.members.select(m -> m.tenant().equals(tenant) && m.user().equals(user));
    found.sort(Comparator.comparing(m -> m.mailbox().value(), Keys.UNSIGNED));
    return found;
  }

  @Override
  public void insertDelegation(Delegation delegation) {
    requireNonNull(delegation, "delegation");
    Scoped<DelegationId> key = new Scoped<>(delegation.tenant(), delegation.id());
    if (tx.delegations.contains(key)) {
      throw new DuplicateKeyException("delegation " + delegation.id() + " already exists", null);
    }
    tx.delegations.put(key, delegation);
  }

  @Override
  public boolean deleteDelegation(TenantId tenant, DelegationId id) {
    return tx.delegations.remove(new Scoped<>(tenant, id));
  }

  @Override
  public List<Delegation> delegationsOf(TenantId tenant, MailboxId mailbox) {
    requireNonNull(mailbox, "mailbox");
    List<Delegation> found = tx.delegations.select(d -> d.tenant().equals(tenant) && d.mailbox().equals(mailbox));
    found.sort(BY_START);
    return found;
  }

  @Override
  public List<Delegation> delegationsTo(TenantId tenant, UserId delegate) {
    requireNonNull(delegate, "delegate");
    List<Delegation> found = tx.delegations.select(d -> d.tenant().equals(tenant) && d.delegate().equals(delegate));
    found.sort(BY_START);
    return found;
  }

  private void checkAddressFree(Mailbox mailbox) {
    String address = lower(mailbox.address());
    boolean taken = tx.mailboxes.any(other -> other.tenant().equals(mailbox.tenant())
        && !other.id().equals(mailbox.id()) && lower(other.address()).equals(address));
    if (taken) {
      throw new DuplicateKeyException("the address '" + address + "' is already taken by another mailbox of tenant "
          + mailbox.tenant(), null);
    }
  }

  private static String lower(String address) {
    return requireNonNull(address, "address").toLowerCase(Locale.ROOT);
  }
}
