package org.mastermail.blob;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import org.mastermail.InvalidInputException;

/** The address of a blob: the SHA-256 of its bytes as 64 lowercase hex digits. */
public record BlobId(String sha256) {
  private static final int HEX_LENGTH = 64;

  public BlobId {
    requireNonNull(sha256, "sha256");
    if (sha256.length() != HEX_LENGTH || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new InvalidInputException("not a SHA-256 in lowercase hex: '" + sha256 + "'");
    }
  }

  /** Parses the textual form produced by {@link #toString()}. */
  public static BlobId of(String text) {
    return new BlobId(text);
  }

  /** The id of a 32-byte SHA-256 digest. */
  public static BlobId ofDigest(byte[] digest) {
    requireNonNull(digest, "digest");
    if (digest.length != HEX_LENGTH / 2) {
      throw new InvalidInputException("a SHA-256 digest has 32 bytes, this one " + digest.length);
    }
    return new BlobId(HexFormat.of().formatHex(digest));
  }

  @Override
  public String toString() {
    return sha256;
  }
}
