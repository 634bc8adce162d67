/** Guice wiring for MasterMail: install {@link org.mastermail.guice.MasterMailModule}. */
@NullMarked
package org.mastermail.guice;

import org.jspecify.annotations.NullMarked;
