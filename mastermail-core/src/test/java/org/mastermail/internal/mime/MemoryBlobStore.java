package org.mastermail.internal.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mastermail.MasterMailException;
import org.mastermail.NotFoundException;
import org.mastermail.blob.BlobId;
import org.mastermail.blob.BlobStore;
import org.mastermail.blob.StoredBlob;

/** A thread-safe {@link BlobStore} in memory for tests, counting what it actually stored. */
final class MemoryBlobStore implements BlobStore {
  private final ConcurrentMap<BlobId, byte[]> blobs = new ConcurrentHashMap<>();
  private final AtomicLong puts = new AtomicLong();
  private final AtomicLong storedBytes = new AtomicLong();

  @Override
  public StoredBlob put(InputStream content) {
    byte[] bytes;
    try {
      bytes = content.readAllBytes();
    } catch (IOException e) {
      throw new MasterMailException("cannot read the content of a blob", e);
    }
    BlobId id = BlobId.ofDigest(sha256(bytes));
    puts.incrementAndGet();
    if (blobs.putIfAbsent(id, bytes) == null) {
      storedBytes.addAndGet(bytes.length);
    }
    return new StoredBlob(id, bytes.length);
  }

  @Override
  public InputStream open(BlobId id) {
    byte[] bytes = blobs.get(id);
    if (bytes == null) {
      throw new NotFoundException("no blob " + id);
    }
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public boolean contains(BlobId id) {
    return blobs.containsKey(id);
  }

  @Override
  public long size(BlobId id) {
    byte[] bytes = blobs.get(id);
    return bytes == null ? -1 : bytes.length;
  }

  /** How many distinct blobs are stored. */
  int blobCount() {
    return blobs.size();
  }

  /** How many bytes the distinct blobs take. */
  long storedBytes() {
    return storedBytes.get();
  }

  /** How many times {@link #put} was called, duplicates included. */
  long putCount() {
    return puts.get();
  }

  byte[] bytes(BlobId id) {
    byte[] bytes = blobs.get(id);
    if (bytes == null) {
      throw new NotFoundException("no blob " + id);
    }
    return bytes.clone();
  }

  /** Replaces or adds a blob under an id of the test's choosing, to play a damaged store. */
  void overwrite(BlobId id, byte[] bytes) {
    blobs.put(id, bytes.clone());
  }

  void remove(BlobId id) {
    blobs.remove(id);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
