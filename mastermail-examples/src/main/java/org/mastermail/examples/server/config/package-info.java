/** The server's config file, its database, and provisioning of tenants, users, mailboxes and rules from it. */
@NullMarked
package org.mastermail.examples.server.config;

import org.jspecify.annotations.NullMarked;
