@NullMarked
package org.mastermail.conversation;

import org.jspecify.annotations.NullMarked;
