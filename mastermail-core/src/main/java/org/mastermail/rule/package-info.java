/**
 * Routing of incoming mail: the {@link org.mastermail.rule.Router} SPI that intake calls for every archived message,
 * and the stored rule sets a router reads ({@code mastermail-rules} implements both).
 */
@NullMarked
package org.mastermail.rule;

import org.jspecify.annotations.NullMarked;
