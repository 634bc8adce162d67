/**
 * Contract tests every {@link org.mastermail.storage.Storage} must pass. Implement
 * {@link org.mastermail.testkit.storage.StorageContract} in a test class of your own storage and return it from
 * {@code storage()}.
 */
@NullMarked
package org.mastermail.testkit.storage;

import org.jspecify.annotations.NullMarked;
