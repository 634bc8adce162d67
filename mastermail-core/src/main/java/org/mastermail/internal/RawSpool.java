package org.mastermail.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A raw message held so that it can be read several times (skeleton, parse), and so that the source's stream is read
 * once at its own pace: in memory up to {@link #MEMORY_LIMIT}, beyond that in a temporary file, so that no message is
 * ever held whole in memory. Ordinary mail stays in memory: creating, writing and deleting a file per message cost
 * more than the rest of the skeleton pass. Closing deletes the file.
 */
final class RawSpool implements AutoCloseable {
  /** 1 MiB: most mail is smaller; held once per concurrent ingest, it stays small next to any heap. */
  static final int MEMORY_LIMIT = 1024 * 1024;
  private static final int BUFFER = 64 * 1024;

  private final byte @Nullable [] memory;
  private final @Nullable Path file;
  private final long size;
  private final boolean complete;
  /** Opened on the first positional read of a spooled file, closed with the spool. */
  private @Nullable FileChannel channel;

  private RawSpool(byte @Nullable [] memory, @Nullable Path file, long size, boolean complete) {
    this.memory = memory;
    this.file = file;
    this.size = size;
    this.complete = complete;
  }

  /** Copies {@code raw}, stopping once more than {@code limit} bytes were read. */
  static RawSpool copy(InputStream raw, long limit, @Nullable Path directory) throws IOException {
    int inMemory = limit >= MEMORY_LIMIT ? MEMORY_LIMIT : (int) limit + 1; // one more: to notice passing the limit
    byte[] first = raw.readNBytes(inMemory);
    if (first.length < inMemory) {
      return new RawSpool(first, null, first.length, true);
    }
    if (first.length > limit) {
      return new RawSpool(new byte[0], null, first.length, false);
    }
    Path file = directory == null ? Files.createTempFile("mastermail-ingest-", ".eml")
        : Files.createTempFile(Files.createDirectories(directory), "mastermail-ingest-", ".eml");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(first);
      byte[] buffer = new byte[BUFFER];
      long total = first.length;
      int n;
      while ((n = raw.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          return new RawSpool(null, file, total, false);
        }
        out.write(buffer, 0, n);
      }
      return new RawSpool(null, file, total, true);
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
    byte[] bytes = memory;
    Path path = file;
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    return Files.newInputStream(requireFile(path));
  }

  /** Reads up to {@code len} bytes from {@code position} of the message; -1 at its end. */
  int read(long position, byte[] b, int off, int len) throws IOException {
    byte[] bytes = memory;
    if (bytes != null) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(len, bytes.length - position);
      System.arraycopy(bytes, (int) position, b, off, n);
      return n;
    }
    FileChannel open = channel;
    if (open == null) {
      open = FileChannel.open(requireFile(file), StandardOpenOption.READ);
      channel = open;
    }
    return open.read(ByteBuffer.wrap(b, off, len), position);
  }

  private static Path requireFile(@Nullable Path path) {
    if (path == null) {
      throw new IllegalStateException("a spool is either in memory or in a file");
    }
    return path;
  }

  @Override
  public void close() {
    Path path = file;
    if (path == null) {
      return;
    }
    try {
      FileChannel open = channel;
      channel = null;
      if (open != null) {
        open.close();
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the spooled message " + path, e);
    }
  }
}
