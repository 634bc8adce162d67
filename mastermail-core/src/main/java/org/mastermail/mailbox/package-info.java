@NullMarked
package org.mastermail.mailbox;

import org.jspecify.annotations.NullMarked;
