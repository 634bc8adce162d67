package org.mastermail.conversation;

import java.util.OptionalLong;

/**
 * How many conversations each view holds for one actor under one filter. {@code all} is empty when the actor has
 * VIEW_ALL in no mailbox.
 */
public record ViewCounts(long mine, long unassigned, long inbox, OptionalLong all) {}
