/** Stream helpers shared by the intake's packages. */
@NullMarked
package org.mastermail.internal.io;

import org.jspecify.annotations.NullMarked;
