/**
 * Test support for MasterMail and for hosts that embed it: {@link org.mastermail.testkit.InMemoryStorage} for fast unit
 * tests and {@link org.mastermail.testkit.TestPostgres} for a real PostgreSQL without Docker.
 */
@NullMarked
package org.mastermail.testkit;

import org.jspecify.annotations.NullMarked;
