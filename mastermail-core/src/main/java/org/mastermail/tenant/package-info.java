@NullMarked
package org.mastermail.tenant;

import org.jspecify.annotations.NullMarked;
