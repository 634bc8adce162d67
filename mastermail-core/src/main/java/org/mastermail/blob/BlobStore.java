package org.mastermail.blob;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.storage.StorageSession;

/**
 * Content-addressed, streaming blob storage (SPI). A blob is stored under the SHA-256 of its bytes; putting bytes that
 * are already stored stores nothing new. Content is streamed in and out, never held whole in memory, so a blob may be
 * far larger than the heap.
 *
 * <p>Blobs are written before or with the unit of work that refers to them, never after: {@link #put} outside it (a
 * crash between the two leaves at most an unreferenced blob, never a reference to a missing one), {@link #putAll} in
 * it when the store lives in the same database. Implementations are thread-safe.
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
   * Stores small blobs whose addresses the caller has computed, as part of the transaction of {@code session} when this
   * store keeps its blobs in that storage: they then become visible when the rows that refer to them commit, and
   * vanish with them on a rollback. The default stores each at once with {@link #put(byte[])}, outside the
   * transaction, as before any unit of work that refers to a blob. Callers pass only blobs small enough to hold in
   * memory.
   *
   * @throws IllegalArgumentException when a blob's bytes do not have its address
   */
  default void putAll(List<Known> blobs, StorageSession session) {
    requireNonNull(session, "session");
    for (Known blob : blobs) {
      StoredBlob stored = put(blob.content());
      if (!stored.id().equals(blob.id())) {
        throw new IllegalArgumentException("blob " + blob.id() + " was stored as " + stored.id());
      }
    }
  }

  /**
   * A blob held in memory with its address, computed by the caller.
   *
   * @param id the SHA-256 of {@code content}
   * @param content the bytes, not copied: the caller leaves them unchanged
   */
  record Known(BlobId id, byte[] content) {
    public Known {
      requireNonNull(id, "id");
      requireNonNull(content, "content");
    }
  }

  /**
   * Opens a stored blob for reading; the caller closes the stream.
   *
   * @throws org.mastermail.NotFoundException when no blob has this id
   */
  InputStream open(BlobId id);

  /**
   * The bytes of the small blobs among {@code ids}, read together: for a caller about to open many small blobs at once
   * (a dispatcher's claim of queued messages), where one read per blob would cost a round trip each. The result holds
   * every stored blob of {@code ids} that has at most {@code maxBytes} bytes, and nothing else: a larger or missing
   * blob is left out, for the caller to {@link #open} (or miss) as usual. The caller bounds the memory this takes
   * ({@code ids.size() * maxBytes} at most). The default opens the blobs one by one.
   *
   * <pre>{@code
   * Map<BlobId, byte[]> small = blobs.readSmall(skeletons, 64 * 1024);
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code maxBytes} is negative
   * @throws MasterMailException when reading fails
   */
  default Map<BlobId, byte[]> readSmall(Collection<BlobId> ids, int maxBytes) {
    requireNonNull(ids, "ids");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
    }
    Map<BlobId, byte[]> result = new LinkedHashMap<>();
    for (BlobId id : ids) {
      if (result.containsKey(requireNonNull(id, "id"))) {
        continue;
      }
      try (InputStream in = open(id)) {
        byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        if (bytes.length <= maxBytes) {
          result.put(id, bytes);
        }
      } catch (NotFoundException e) {
        // left out: the caller's own open reports it
      } catch (IOException e) {
        throw new MasterMailException("cannot read blob " + id + ": " + e.getMessage(), e);
      }
    }
    return result;
  }

  /** Whether a blob with this id is stored. */
  boolean contains(BlobId id);

  /** The size of a stored blob in bytes, or -1 when no blob has this id. */
  long size(BlobId id);
}
