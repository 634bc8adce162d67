/** Implementation of the in-memory storage; not API, may change in any release. */
@NullMarked
package org.mastermail.testkit.internal;

import org.jspecify.annotations.NullMarked;
