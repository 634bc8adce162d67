@NullMarked
package org.mastermail.admin;

import org.jspecify.annotations.NullMarked;
