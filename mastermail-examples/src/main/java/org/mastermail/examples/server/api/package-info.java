/** The REST API: routes, JSON shapes, error mapping and HTML sanitising. Every route acts as the logged-in user. */
@NullMarked
package org.mastermail.examples.server.api;

import org.jspecify.annotations.NullMarked;
