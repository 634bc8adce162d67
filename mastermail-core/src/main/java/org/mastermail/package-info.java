/**
 * MasterMail: an embeddable SDK for shared-mailbox triage. Start with {@link org.mastermail.MasterMail#builder()}.
 */
@NullMarked
package org.mastermail;

import org.jspecify.annotations.NullMarked;
