package org.mastermail.internal.mime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Bytes written once and read back, kept in memory up to a limit and in a temporary file beyond it, so that a part of
 * any size can be held while deciding what to do with it. Closing deletes the file.
 */
final class Spool extends OutputStream implements HeldBody {
  private static final int FILE_BUFFER = 64 * 1024;

  private final @Nullable Path directory;
  private final int memoryLimit;
  private byte[] memory = new byte[256];
  private int memorySize;
  private @Nullable Path file;
  private @Nullable OutputStream fileOut;
  private long size;

  /** {@code directory} holds the temporary file; null means the platform's temporary directory. */
  Spool(@Nullable Path directory, int memoryLimit) {
    this.directory = directory;
    this.memoryLimit = memoryLimit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    OutputStream out = fileOut;
    if (out == null && memorySize + len <= memoryLimit) {
      if (memorySize + len > memory.length) {
        memory = Arrays.copyOf(memory, Math.min(memoryLimit, Math.max(memory.length * 2, memorySize + len)));
      }
      System.arraycopy(b, off, memory, memorySize, len);
      memorySize += len;
    } else {
      if (out == null) {
        out = overflow();
      }
      out.write(b, off, len);
    }
    size += len;
  }

  private OutputStream overflow() throws IOException {
    Path created = directory == null
        ? Files.createTempFile("mastermail-", ".spool")
        : Files.createTempFile(directory, "mastermail-", ".spool");
    file = created;
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(created), FILE_BUFFER);
    fileOut = out;
    out.write(memory, 0, memorySize);
    memory = new byte[0];
    memorySize = 0;
    return out;
  }

  /** The number of bytes written so far. */
  @Override
  public long size() {
    return size;
  }

  /** Reads back everything written so far; the caller closes the stream before closing the spool. */
  @Override
  public InputStream openInput() throws IOException {
    OutputStream out = fileOut;
    Path path = file;
    if (out == null || path == null) {
      return new ByteArrayInputStream(memory, 0, memorySize);
    }
    out.flush();
    return new BufferedInputStream(Files.newInputStream(path), FILE_BUFFER);
  }

  @Override
  public void close() throws IOException {
    OutputStream out = fileOut;
    Path path = file;
    fileOut = null;
    file = null;
    memory = new byte[0];
    try {
      if (out != null) {
        out.close();
      }
    } finally {
      if (path != null) {
        Files.deleteIfExists(path);
      }
    }
  }
}
