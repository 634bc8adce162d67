package org.mastermail.intake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mastermail.InvalidInputException;

/**
 * How {@link Intake} treats incoming mail.
 *
 * @param maxMessageBytes messages larger than this are not archived; a {@code MESSAGE_REJECTED} event names them
 * @param tempDirectory where raw messages are spooled while they are archived; null = the system's temporary directory
 */
public record IntakeSettings(long maxMessageBytes, @Nullable Path tempDirectory) {
  /** 256 MiB: far above what mail servers accept, so only broken or hostile input meets it. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 256L * 1024 * 1024;
  public static final IntakeSettings DEFAULTS = new IntakeSettings(DEFAULT_MAX_MESSAGE_BYTES, null);

  public IntakeSettings {
    if (maxMessageBytes < 1) {
      throw new InvalidInputException("maxMessageBytes must be positive, was " + maxMessageBytes);
    }
  }

  public IntakeSettings withMaxMessageBytes(long value) {
    return new IntakeSettings(value, tempDirectory);
  }

  public IntakeSettings withTempDirectory(Path value) {
    return new IntakeSettings(maxMessageBytes, requireNonNull(value, "tempDirectory"));
  }

  public Optional<Path> temp() {
    return Optional.ofNullable(tempDirectory);
  }
}
