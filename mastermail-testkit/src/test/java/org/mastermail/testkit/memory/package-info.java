/** Tests of the in-memory storage beyond the storage contract. */
@NullMarked
package org.mastermail.testkit.memory;

import org.jspecify.annotations.NullMarked;
