package org.mastermail.jdbc.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.TemplateEngine;

/** Builds the {@link Jdbi} every repository runs on. */
public final class Jdbis {
  private Jdbis() {}

  /**
   * A Jdbi on {@code dataSource} that binds {@link UUID} as SQL {@code uuid} and {@link Instant} as a UTC
   * {@code timestamp with time zone}. SQL text is passed through unchanged: our queries are built in code, and Jdbi's
   * default template engine would read {@code <x>} in a comparison as a template attribute.
   */
  public static Jdbi create(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    jdbi.registerArgument(new UuidArgumentFactory());
    jdbi.registerArgument(new InstantArgumentFactory());
    return jdbi;
  }

  /**
   * The value written for {@code instant}: truncated to microseconds, which both databases keep exactly (PostgreSQL
   * would round nanoseconds, H2 too), so what is read back is what keyset comparisons see.
   */
  public static OffsetDateTime toColumn(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  // Jdbi's own UUID binding declares VARCHAR, which PostgreSQL refuses for a NULL uuid parameter.
  private static final class UuidArgumentFactory extends AbstractArgumentFactory<UUID> {
    UuidArgumentFactory() {
      super(Types.OTHER);
    }

    @Override
    protected Argument build(UUID value, ConfigRegistry config) {
      return (position, statement, context) -> statement.setObject(position, value);
    }
  }

  // JDBC 4.2 OffsetDateTime instead of java.sql.Timestamp, which passes through the JVM's local time zone.
  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, context) -> statement.setObject(position, toColumn(value));
    }
  }
}
