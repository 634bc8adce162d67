/** Runnable examples of embedding MasterMail. */
@NullMarked
package org.mastermail.examples;

import org.jspecify.annotations.NullMarked;
