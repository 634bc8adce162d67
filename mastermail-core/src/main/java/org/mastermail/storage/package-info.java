@NullMarked
package org.mastermail.storage;

import org.jspecify.annotations.NullMarked;
