package org.mastermail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A raw message copied to a temporary file, so that it can be read several times (skeleton, parse) without holding it
 * in memory, and so that the source's stream is read once at its own pace. Deleted on close.
 */
final class RawSpool implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private final long size;
  private final boolean complete;

  private RawSpool(Path file, long size, boolean complete) {
    this.file = file;
    this.size = size;
    this.complete = complete;
  }

  /** Copies {@code raw} to a temporary file, stopping once more than {@code limit} bytes were read. */
  static RawSpool copy(InputStream raw, long limit, @Nullable Path directory) throws IOException {
    Path file = directory == null ? Files.createTempFile("mastermail-ingest-", ".eml")
        : Files.createTempFile(Files.createDirectories(directory), "mastermail-ingest-", ".eml");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = raw.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          return new RawSpool(file, total, false);
        }
        out.write(buffer, 0, n);
      }
      return new RawSpool(file, total, true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Whether the whole message was copied (it was within the limit). */
  boolean complete() {
    return complete;
  }

  /** Bytes read: the message size when complete, else how far it was read before passing the limit. */
  long size() {
    return size;
  }

  InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the spooled message " + file, e);
    }
  }
}
