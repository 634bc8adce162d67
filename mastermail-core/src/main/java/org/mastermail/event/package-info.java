@NullMarked
package org.mastermail.event;

import org.jspecify.annotations.NullMarked;
