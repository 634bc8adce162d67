package org.mastermail.event;

import java.util.List;

/**
 * Host hook for what happened: called once per committed unit of work with its events in order, after the commit and
 * never for work that was rolled back. Runs on the caller's thread; an exception thrown here is logged and swallowed,
 * as the change is already durable.
 *
 * <pre>{@code
 * MasterMail.builder().storage(storage).listener(events -> events.forEach(crm::recordActivity)).build();
 * }</pre>
 */
@FunctionalInterface
public interface EventListener {
  void onCommitted(List<Event> events);
}
