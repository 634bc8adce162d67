/** The demo: an office with seeded multi-language mail on an embedded GreenMail server. */
@NullMarked
package org.mastermail.examples.server.demo;

import org.jspecify.annotations.NullMarked;
