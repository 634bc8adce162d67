@NullMarked
package org.mastermail.rules.internal;

import org.jspecify.annotations.NullMarked;
