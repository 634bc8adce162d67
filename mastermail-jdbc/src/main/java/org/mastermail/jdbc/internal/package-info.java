/** Implementation detail of {@code mastermail-jdbc}: repositories, SQL and mapping. Not API. */
@NullMarked
package org.mastermail.jdbc.internal;

import org.jspecify.annotations.NullMarked;
