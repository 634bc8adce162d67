package org.mastermail.internal.parse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;

/**
 * Base64 bodies of the message being parsed whose decoded size and SHA-256 are already known (the single-instance
 * store decoded and hashed them moments before), and read access to the raw message to check them against. An
 * attachment whose encoded bytes are the same as one of these bodies' is not decoded a second time; any other, or one
 * that differs in a single byte, is decoded as usual. The check is byte for byte, never by a digest of the encoding.
 */
public interface KnownBodies {
  /** No known bodies: every attachment is decoded. */
  KnownBodies NONE = new KnownBodies() {
    @Override
    public List<Body> bodies() {
      return List.of();
    }

    @Override
    public int read(long position, byte[] b, int off, int len) {
      return -1;
    }
  };

  /**
   * A known body: {@code length} encoded bytes at {@code offset} of the raw message, canonical base64 (only the
   * alphabet, line endings and final padding), which decode to {@code decodedSize} bytes with this SHA-256.
   */
  record Body(long offset, long length, long decodedSize, String sha256) {
    public Body {
      requireNonNull(sha256, "sha256");
    }
  }

  /** The known bodies in message order. */
  List<Body> bodies();

  /** Reads up to {@code len} bytes of the raw message from {@code position}; -1 at its end. */
  int read(long position, byte[] b, int off, int len) throws IOException;
}
