package org.mastermail.testkit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;

/**
 * A {@link BlobStore} in memory for tests; it also counts what it stores, so tests can prove deduplication. Holds
 * every blob in the heap: not for large messages.
 */
public final class InMemoryBlobStore implements BlobStore {
  private final ConcurrentMap<BlobId, byte[]> blobs = new ConcurrentHashMap<>();

  @Override
  public StoredBlob put(InputStream content) {
    requireNonNull(content, "content");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] bytes = new DigestInputStream(content, sha).readAllBytes();
      BlobId id = BlobId.ofDigest(sha.digest());
      blobs.putIfAbsent(id, bytes);
      return new StoredBlob(id, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the blob's content", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public InputStream open(BlobId id) {
    byte[] bytes = blobs.get(requireNonNull(id, "id"));
    if (bytes == null) {
      throw new NotFoundException("blob " + id + " not found");
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public boolean contains(BlobId id) {
    return blobs.containsKey(requireNonNull(id, "id"));
  }

  @Override
  public long size(BlobId id) {
    byte[] bytes = blobs.get(requireNonNull(id, "id"));
    return bytes == null ? -1 : bytes.length;
  }

  /** How many distinct blobs are stored. */
  public int count() {
    return blobs.size();
  }

  /** The bytes of all stored blobs together. */
  public long totalBytes() {
    return blobs.values().stream().mapToLong(b -> b.length).sum();
  }
}
