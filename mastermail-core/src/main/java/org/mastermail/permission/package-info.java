@NullMarked
package org.mastermail.permission;

import org.jspecify.annotations.NullMarked;
