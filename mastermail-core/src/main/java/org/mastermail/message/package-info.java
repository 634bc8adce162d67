@NullMarked
package org.mastermail.message;

import org.jspecify.annotations.NullMarked;
