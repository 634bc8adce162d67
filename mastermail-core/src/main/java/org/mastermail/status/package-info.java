@NullMarked
package org.mastermail.status;

import org.jspecify.annotations.NullMarked;
