/** Logins (Argon2id password hashes), sessions with CSRF tokens, and login rate limits. */
@NullMarked
package org.mastermail.examples.server.auth;

import org.jspecify.annotations.NullMarked;
