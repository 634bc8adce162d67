@NullMarked
package org.mastermail.testkit.engine;

import org.jspecify.annotations.NullMarked;
