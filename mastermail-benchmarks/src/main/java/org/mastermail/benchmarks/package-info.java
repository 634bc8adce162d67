/** Benchmarks that print MasterMail's figures next to a baseline measured in the same run. */
@NullMarked
package org.mastermail.benchmarks;

import org.jspecify.annotations.NullMarked;
