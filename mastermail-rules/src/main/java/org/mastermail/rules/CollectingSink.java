package org.mastermail.rules;

import java.util.ArrayList;
import java.util.List;

/** Keeps every automatic reply and forward in memory, for tests and for hosts that poll. Thread-safe. */
public final class CollectingSink implements AutoReplySink, ForwardSink {
  private final List<AutoReply> replies = new ArrayList<>();
  private final List<Forward> forwards = new ArrayList<>();

  @Override
  public synchronized void accept(AutoReply reply) {
    replies.add(reply);
  }

  @Override
  public synchronized void accept(Forward forward) {
    forwards.add(forward);
  }

  /** The replies so far, oldest first. */
  public synchronized List<AutoReply> replies() {
    return List.copyOf(replies);
  }

  /** The forwards so far, oldest first. */
  public synchronized List<Forward> forwards() {
    return List.copyOf(forwards);
  }

  public synchronized void clear() {
    replies.clear();
    forwards.clear();
  }
}
