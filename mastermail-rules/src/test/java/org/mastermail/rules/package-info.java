@NullMarked
package org.mastermail.rules;

import org.jspecify.annotations.NullMarked;
