/**
 * Routing rules. This module is reserved for the rule engine that implements the core {@code Router} SPI (conditions,
 * actions, assignment strategies, JSON rule sets, dry-run and explain); it holds no classes yet, and until it does the
 * engine leaves every conversation unassigned.
 */
@NullMarked
package org.mastermail.rules;

import org.jspecify.annotations.NullMarked;
