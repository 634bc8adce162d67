@NullMarked
package org.mastermail.internal;

import org.jspecify.annotations.NullMarked;
