package org.mastermail.internal.mime;

import java.io.IOException;

/**
 * The bytes a {@link SingleInstanceStore} reads, readable again at any position (a message held in memory or in a
 * file), so that part bodies are read back from them instead of being copied aside while they stream past.
 */
@FunctionalInterface
public interface PositionalBytes {
  /** Reads up to {@code len} bytes from {@code position}, counted from the first byte the store reads; -1 at the end. */
  int read(long position, byte[] b, int off, int len) throws IOException;
}
