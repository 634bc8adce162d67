package org.mastermail.blob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Content-addressed, streaming blob storage (SPI). A blob is stored under the SHA-256 of its bytes; putting bytes that
 * are already stored stores nothing new. Content is streamed in and out, never held whole in memory, so a blob may be
 * far larger than the heap.
 *
 * <p>Blobs are written outside the unit of work that refers to them: a crash between the two leaves at most an
 * unreferenced blob, never a reference to a missing one. Implementations are thread-safe.
 *
 * <pre>{@code
 * StoredBlob stored = blobs.put(inputStream);
 * try (InputStream in = blobs.open(stored.id())) { ... }
 * }</pre>
 */
public interface BlobStore {
  /**
   * Reads {@code content} to its end (without closing it) and stores it unless a blob with the same SHA-256 is already
   * stored.
   *
   * @throws org.mastermail.MasterMailException when reading or storing fails; nothing partial is then visible
   */
  StoredBlob put(InputStream content);

  /** Stores {@code content}; see {@link #put(InputStream)}. */
  default StoredBlob put(byte[] content) {
    return put(new ByteArrayInputStream(content));
  }

  /**
   * Opens a stored blob for reading; the caller closes the stream.
   *
   * @throws org.mastermail.NotFoundException when no blob has this id
   */
  InputStream open(BlobId id);

  /** Whether a blob with this id is stored. */
  boolean contains(BlobId id);

  /** The size of a stored blob in bytes, or -1 when no blob has this id. */
  long size(BlobId id);
}
