/**
 * Figures for managers: per user and day, what they read, took, closed and answered, what waits for them, and per
 * mailbox the unassigned backlog. Needs {@link org.mastermail.permission.Permission#VIEW_REPORTS}.
 */
@NullMarked
package org.mastermail.report;

import org.jspecify.annotations.NullMarked;
