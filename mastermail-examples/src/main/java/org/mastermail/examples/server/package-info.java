/**
 * The reference server: MasterMail behind a JSON REST API with logins, run from a config file ({@code serve}) or with
 * no set-up at all ({@code demo}). Start with {@link org.mastermail.examples.server.ServerMain}.
 */
@NullMarked
package org.mastermail.examples.server;

import org.jspecify.annotations.NullMarked;
