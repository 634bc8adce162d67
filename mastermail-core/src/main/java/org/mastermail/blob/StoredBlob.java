package org.mastermail.blob;

import static java.util.Objects.requireNonNull;

/** A blob as stored: its address and its size in bytes. */
public record StoredBlob(BlobId id, long size) {
  public StoredBlob {
    requireNonNull(id, "id");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
  }
}
