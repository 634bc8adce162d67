/**
 * Storage on JDBC: {@link org.mastermail.jdbc.JdbcStorage} keeps everything in H2 (embedded default) or PostgreSQL,
 * through Jdbi, HikariCP and Flyway.
 */
@NullMarked
package org.mastermail.jdbc;

import org.jspecify.annotations.NullMarked;
