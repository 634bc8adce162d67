/**
 * Routing rules as data. A {@link org.mastermail.rules.RuleSet} is an ordered list of {@link org.mastermail.rules.Rule}s
 * (conditions and actions), kept per tenant and per mailbox as JSON ({@link org.mastermail.rules.RuleSetJson}) through
 * the core {@code RuleRepository}, and edited at run time with {@link org.mastermail.rules.RuleAdmin}. The
 * {@link org.mastermail.rules.RuleEngine} implements the core {@code Router}: install it with
 * {@code MasterMail.builder().router(RuleEngine.builder().directory(hostDirectory).build())}.
 *
 * <p>Hosts plug in a {@link org.mastermail.rules.Directory} (contacts, account managers, teams, absences) and an
 * optional {@link org.mastermail.rules.AutoReplySink} / {@link org.mastermail.rules.ForwardSink} to hear of automatic
 * replies and forwards; the mail itself is queued by core in the archiving transaction and sent by its dispatcher. {@link org.mastermail.rules.DryRun} tries a draft rule set on past mail without changing anything, and
 * {@link org.mastermail.rules.Explanation} says why a message was routed as it was.
 */
@NullMarked
package org.mastermail.rules;

import org.jspecify.annotations.NullMarked;
