/** Implementation of the rule engine: compiled rule sets, the index, evaluation, strategies. Not API. */
@NullMarked
package org.mastermail.rules.internal;

import org.jspecify.annotations.NullMarked;
