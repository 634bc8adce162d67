package org.mastermail.outbound;

import java.util.Set;

/** The boxes of a mailbox's outbound mail, each a set of {@link OutboundState}s. */
public enum OutboxView {
  /** The actor's own drafts. */
  DRAFTS(Set.of(OutboundState.DRAFT)),
  /** Queued and being sent. */
  OUTBOX(Set.of(OutboundState.QUEUED, OutboundState.SENDING)),
  SENT(Set.of(OutboundState.SENT)),
  FAILED(Set.of(OutboundState.FAILED)),
  CANCELLED(Set.of(OutboundState.CANCELLED));

  private final Set<OutboundState> states;

  OutboxView(Set<OutboundState> states) {
    this.states = states;
  }

  public Set<OutboundState> states() {
    return states;
  }
}
