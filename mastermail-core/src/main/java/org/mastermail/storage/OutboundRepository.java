package org.mastermail.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mastermail.mailbox.MailboxId;
import org.mastermail.outbound.OutboundId;
import org.mastermail.outbound.OutboundMessage;
import org.mastermail.outbound.OutboundState;
import org.mastermail.outbound.SendingAccount;
import org.mastermail.outbound.Template;
import org.mastermail.outbound.TemplateId;
import org.mastermail.tenant.TenantId;
import org.mastermail.tenant.UserId;

/** Drafts, the outbound queue, sent mail, sending accounts and templates. */
public interface OutboundRepository {
  void insert(OutboundMessage message);

  /**
   * Stores {@code next} if the stored version is {@code next.version() - 1} and returns true; returns false and changes
   * nothing otherwise (someone else changed it first).
   */
  boolean update(OutboundMessage next);

  Optional<OutboundMessage> find(TenantId tenant, OutboundId id);

  /**
   * {@link #update} of each message, in order; element {@code i} of the result tells whether {@code next.get(i)} was
   * stored. A storage may write them in one round trip.
   */
  default boolean[] updateAll(List<OutboundMessage> next) {
    boolean[] updated = new boolean[next.size()];
    for (int i = 0; i < updated.length; i++) {
      updated[i] = update(next.get(i));
    }
    return updated;
  }

  /**
   * {@link #updateAll} of messages whose delivery alone changed (with {@code updatedAt} and {@code version}): their
   * mailbox, conversation, author and letter are as stored, so a storage may write the delivery alone, leaving the
   * letter's text untouched (a dispatcher recording what it sent). The default calls {@link #updateAll}.
   */
  default boolean[] updateDeliveries(List<OutboundMessage> next) {
    return updateAll(next);
  }

  /**
   * Messages of the mailbox in one of {@code states}, most recently changed first ({@code updatedAt}, then id
   * descending), after the {@code after} position, at most {@code limit}. With {@code author}, only theirs.
   */
  List<OutboundMessage> list(TenantId tenant, MailboxId mailbox, Set<OutboundState> states, @Nullable UserId author,
      @Nullable OutboundKeyset after, int limit);

  /**
   * Claims up to {@code limit} messages of any tenant for one attempt each: QUEUED ones due at {@code now} (earliest
   * first) and SENDING ones whose claim lapsed before {@code now} (their dispatcher died). Each claimed message is
   * stored as {@code m.with(m.delivery().claimed(holder, until), now)} and returned so. Rows another transaction is
   * claiming at the same moment are skipped, not waited for (PostgreSQL and H2: {@code FOR UPDATE SKIP LOCKED}).
   */
  List<OutboundMessage> claim(Instant now, String holder, Instant until, int limit);

  /** The earliest moment at which {@link #claim} would find something: a due time or a claim's end. */
  Optional<Instant> nextDue();

  /** The mailbox's sending settings; {@link SendingAccount#plain} when none were saved. */
  SendingAccount account(TenantId tenant, MailboxId mailbox);

  void saveAccount(TenantId tenant, SendingAccount account);

  /**
   * Inserts or replaces a template (by id).
   *
   * @throws DuplicateKeyException when another template of the mailbox has the same name
   */
  void saveTemplate(TenantId tenant, Template template);

  Optional<Template> template(TenantId tenant, TemplateId id);

  /** The mailbox's templates by name. */
  List<Template> templates(TenantId tenant, MailboxId mailbox);

  /** Returns whether a template was deleted. */
  boolean deleteTemplate(TenantId tenant, TemplateId id);
}
